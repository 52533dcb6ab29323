import type { ApiErrorDetail } from '@dspt/contracts';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputException } from './api-exception.filter';

/** class-validator's errors as one detail per broken rule, named by path (`contacts.0.email`). */
export function validationErrorDetails(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...validationErrorDetails(error.children ?? [], field)];
  });
}

/** The options of every DTO check: unknown properties are refused. */
export const DTO_VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/** Validates every DTO; unknown properties are refused, and each bad field is named in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...DTO_VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => {
      const details = validationErrorDetails(errors);
      return new InvalidInputException(`Invalid ${details.map((detail) => detail.field).join(', ')}`, details);
    },
  });
}
