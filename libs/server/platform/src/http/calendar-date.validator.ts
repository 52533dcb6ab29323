import { parseIsoDate } from '@dspt/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused); the message names the property. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: ({ property }) => `${property} must be a real date in the form YYYY-MM-DD`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') {
            return false;
          }
          try {
            parseIsoDate(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
  };
}
