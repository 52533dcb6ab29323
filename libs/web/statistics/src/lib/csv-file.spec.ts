import { csvFileName, csvText } from './csv-file';

describe('csvText', () => {
  it('quotes what needs quoting and ends lines with CRLF', () => {
    expect(
      csvText([
        ['Region', 'Providers'],
        ['Yorkshire, and "The" Humber', '12'],
      ]),
    ).toBe('Region,Providers\r\n"Yorkshire, and ""The"" Humber",12\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvText([['=HYPERLINK("x")', '@SUM(A1)', '-12', '-3.5%', '+1']])).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(A1),-12,-3.5%,'+1\r\n`,
    );
  });
});

describe('csvFileName', () => {
  it('makes a safe lower-case name', () => {
    expect(csvFileName('Completion by region', '2026-27')).toBe('completion-by-region-2026-27.csv');
  });
});
