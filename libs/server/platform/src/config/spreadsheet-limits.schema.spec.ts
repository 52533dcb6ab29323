import { parseAppConfig } from './parse-app-config';

describe('spreadsheet limits in the configuration', () => {
  it('defaults to limits a 30,000-row provider file keeps within', () => {
    expect(parseAppConfig({})).toMatchObject({
      SPREADSHEET_MAX_ENTRIES: 1_000,
      SPREADSHEET_MAX_UNCOMPRESSED_MB: 100,
      SPREADSHEET_MAX_COMPRESSION_RATIO: 100,
      SPREADSHEET_PARSE_MEMORY_MB: 384,
      SPREADSHEET_PARSE_TIMEOUT_SECONDS: 60,
      SPREADSHEET_PARSE_CONCURRENCY: 2,
    });
    expect(parseAppConfig({ SPREADSHEET_MAX_UNCOMPRESSED_MB: '50' }).SPREADSHEET_MAX_UNCOMPRESSED_MB).toBe(50);
  });

  it.each([
    ['SPREADSHEET_MAX_ENTRIES', '5', 'must be between 10 and 100000'],
    ['SPREADSHEET_MAX_UNCOMPRESSED_MB', 'lots', 'must be a number'],
    ['SPREADSHEET_MAX_COMPRESSION_RATIO', '2.5', 'must be a whole number'],
    ['SPREADSHEET_PARSE_MEMORY_MB', '8', 'must be between 16 and 8192'],
    ['SPREADSHEET_PARSE_TIMEOUT_SECONDS', '0', 'must be between 1 and 600'],
    ['SPREADSHEET_PARSE_CONCURRENCY', '33', 'must be between 1 and 32'],
  ])('refuses %s=%s, naming it', (name, value, message) => {
    expect(() => parseAppConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} .*${message}`));
  });
});
