import { currentCycleCode, cycleNotLoaded } from './current-cycle';
import { NotFound } from './refusals';

describe('currentCycleCode', () => {
  it.each([
    ['no cycles: the date decides', [], '2026-06-30', '2025-26'],
    ['none chosen: the date decides', [{ code: '2025-26', isCurrent: false }], '2026-07-01', '2026-27'],
    [
      'a chosen cycle wins over the date',
      [
        { code: '2026-27', isCurrent: false },
        { code: '2025-26', isCurrent: true },
      ],
      '2026-08-15',
      '2025-26',
    ],
    ['a chosen future cycle wins too', [{ code: '2027-28', isCurrent: true }], '2026-08-15', '2027-28'],
  ])('%s', (_case, cycles, today, expected) => {
    expect(currentCycleCode(cycles, today)).toBe(expected);
  });
});

describe('cycleNotLoaded', () => {
  it('names the cycle asked for, or says the current one is not loaded yet', () => {
    const asked = cycleNotLoaded('1900-01', '2026-27');
    expect(asked).toBeInstanceOf(NotFound);
    expect(asked.message).toBe("No assessment cycle 1900-01: a system admin loads each cycle's question set");
    expect(cycleNotLoaded(undefined, '2026-27').message).toBe('The current cycle 2026-27 has not been loaded yet');
  });
});
