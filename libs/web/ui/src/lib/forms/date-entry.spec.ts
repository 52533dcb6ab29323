import { dateEntryProblem, datePartsFrom, dateValueFrom, isRealDay } from './date-entry';

describe('date entry', () => {
  it.each([
    [{ day: '', month: '', year: '' }, ''],
    [{ day: '9', month: '8', year: '2026' }, '2026-08-09'],
    [{ day: ' 09 ', month: '08', year: '2026' }, '2026-08-09'],
    [{ day: '9', month: '', year: '2026' }, '2026--09'],
    [{ day: 'x', month: '8', year: '2026' }, '2026-08-x'],
  ])('joins the boxes %j as %j', (parts, value) => {
    expect(dateValueFrom(parts)).toBe(value);
  });

  it.each([
    ['2026-08-09', { day: '9', month: '8', year: '2026' }],
    ['2026--09', { day: '9', month: '', year: '2026' }],
    ['', { day: '', month: '', year: '' }],
  ])('splits %j back into its boxes', (value, parts) => {
    expect(datePartsFrom(value)).toEqual(parts);
  });

  it.each([
    ['', null],
    ['2026-08-09', null],
    ['2028-02-29', null],
    ['2026--09', { message: 'Due date must include a month', parts: ['month'] }],
    ['--09', { message: 'Due date must include a month and a year', parts: ['month', 'year'] }],
    ['2026-08-x', { message: 'Due date must be a real date, in numbers', parts: ['day'] }],
    ['26-08-09', { message: 'Year must include 4 numbers', parts: ['year'] }],
    ['2026-13-09', { message: 'Due date must be a real date', parts: ['month'] }],
    ['2026-02-29', { message: 'Due date must be a real date', parts: ['day'] }],
    ['2026-04-31', { message: 'Due date must be a real date', parts: ['day'] }],
  ])('explains what is wrong with %j', (value, problem) => {
    expect(dateEntryProblem(value, 'Due date')).toEqual(problem);
  });

  it.each([
    ['2026-08-09', true],
    ['2026-02-30', false],
    ['2026--09', false],
    ['', false],
  ])('knows whether %j is a real day', (value, real) => {
    expect(isRealDay(value)).toBe(real);
  });
});
