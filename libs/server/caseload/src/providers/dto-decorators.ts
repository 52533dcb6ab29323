import { normaliseUkPhoneNumber, ukPhoneNumberProblem } from '@dspt/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

// class-validator puts the property's name where `$property` stands, so every message names its field.

const trimmed = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);

/** Present (when required) or absent, but never null: for fields that cannot be cleared. */
const optionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** Trimmed text that must not be blank. */
export function TextField(options: { max: number; optional?: boolean; example?: string }) {
  return applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({ maxLength: options.max, example: options.example }),
    ...(options.optional ? [optionalNotNull()] : []),
    Transform(trimmed),
    IsString({ message: '$property must be text' }),
    MinLength(1, { message: '$property must not be blank' }),
    MaxLength(options.max, { message: `$property must be at most ${options.max} characters` }),
  );
}

/** One of a fixed list of values, named in the message. */
export function OneOfField(values: readonly string[], options: { optional?: boolean; description?: string } = {}) {
  return applyDecorators(
    (options.optional ? ApiPropertyOptional : ApiProperty)({ enum: values, description: options.description }),
    ...(options.optional ? [optionalNotNull()] : []),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

export function BooleanField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description }),
    optionalNotNull(),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** A user's id, or null to clear it. */
export function NullableUserIdField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description, type: String, format: 'uuid', nullable: true }),
    IsOptional(),
    IsUUID('all', { message: '$property must be a user id' }),
  );
}

export function Transformed(transform: (value: string) => string) {
  return Transform(({ value }: TransformFnParams): unknown => (typeof value === 'string' ? transform(value) : value));
}

/** A whole number in a range, with one message (not one per broken constraint). */
export function WholeNumber(
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  message = max === Number.MAX_SAFE_INTEGER
    ? `$property must be a whole number from ${min}`
    : `$property must be a whole number from ${min} to ${max}`,
) {
  return ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: () => message,
    },
  });
}

/** A UK phone number (ukPhoneNumberProblem), trimmed; null or absent when not known. */
export function UkPhoneField() {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 30,
      example: '0113 496 0000',
      description: 'A UK number: 01, 02, 03, 07 or 08; +44 allowed',
    }),
    IsOptional(),
    Transform(({ value }: TransformFnParams): unknown =>
      typeof value === 'string' ? normaliseUkPhoneNumber(value) || null : value,
    ),
    IsString({ message: '$property must be text' }),
    MaxLength(30, { message: '$property must be at most 30 characters' }),
    ValidateBy({
      name: 'ukPhoneNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ukPhoneNumberProblem(value) === null,
        defaultMessage: (args) => ukPhoneNumberProblem(String(args?.value)) ?? '$property must be a UK phone number',
      },
    }),
  );
}
