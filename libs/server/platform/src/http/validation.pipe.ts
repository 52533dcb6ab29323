import type { ApiErrorDetail } from '@dspt/contracts';
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInput } from '@dspt/domain';
import { assertSafeInput, currentRequestBody } from './input-safety';

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

/** A file multer has read (`@UploadedFile()`): only its name and field are text from the client. */
function isUploadedFile(value: unknown): value is { fieldname: string; originalname: string } {
  return typeof value === 'object' && value !== null && 'originalname' in value && 'fieldname' in value;
}

/**
 * The global ValidationPipe with the input limits around it: before transforming, every body, query and
 * path parameter (including multipart fields and an uploaded file's name, which the input-safety
 * middleware cannot see) is checked for control characters and depth; after transforming, for numbers
 * outside PostgreSQL's integer range (a query's `?offsetDays=2147483648` is a number only by then).
 */
class LimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') {
      if (isUploadedFile(value)) {
        assertSafeInput({ [value.fieldname]: value.originalname }, 'file');
        assertSafeInput(currentRequestBody(), 'body');
      }
      return super.transform(value, metadata);
    }
    assertSafeInput(value, metadata.type);
    const transformed: unknown = await super.transform(value, metadata);
    assertSafeInput(transformed, metadata.type);
    return transformed;
  }
}

/** Validates every DTO; unknown properties are refused, and each bad field is named in `details`. */
export function createValidationPipe(): ValidationPipe {
  return new LimitedValidationPipe({
    ...DTO_VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => {
      const details = validationErrorDetails(errors);
      return new InvalidInput(`Invalid ${details.map((detail) => detail.field).join(', ')}`, details);
    },
  });
}
