import { type SchemaPath, validate } from '@angular/forms/signals';
import { londonToday } from '@dspt/web/core';
import { isRealDay } from '@dspt/web/ui';

/** Rule for a day entered with `dspt-date-field`: today in the UK at the latest (once it is a real date). */
export function dayNotInFuture(path: SchemaPath<string>, message: string): void {
  validate(path, ({ value }) =>
    isRealDay(value()) && value() > londonToday() ? { kind: 'future', message } : undefined,
  );
}

/** Rule for a day entered with `dspt-date-field`: today in the UK or later (once it is a real date). */
export function notInPast(path: SchemaPath<string>, message: string): void {
  validate(path, ({ value }) =>
    isRealDay(value()) && value() < londonToday() ? { kind: 'past', message } : undefined,
  );
}
