import type { ApiErrorDetail } from '@dspt/contracts';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputException } from './api-exception.filter';

function flatten(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Validates every DTO; unknown properties are refused, and each bad field is named in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new InvalidInputException(`Invalid ${details.map((detail) => detail.field).join(', ')}`, details);
    },
  });
}
