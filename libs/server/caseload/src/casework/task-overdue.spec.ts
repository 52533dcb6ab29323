import { isTaskOverdue } from './task-overdue';

describe('isTaskOverdue', () => {
  it.each([
    { dueOn: '2026-03-09', done: false, today: '2026-03-10', overdue: true },
    { dueOn: '2026-03-10', done: false, today: '2026-03-10', overdue: false },
    { dueOn: '2026-03-11', done: false, today: '2026-03-10', overdue: false },
    { dueOn: '2025-12-31', done: false, today: '2026-01-01', overdue: true },
    { dueOn: '2026-03-09', done: true, today: '2026-03-10', overdue: false },
  ])('due $dueOn, done $done, today $today: overdue $overdue', ({ dueOn, done, today, overdue }) => {
    expect(isTaskOverdue({ dueOn, done }, today)).toBe(overdue);
  });
});
