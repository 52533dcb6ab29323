import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputException } from './api-exception.filter';

/** A path parameter that must be a UUID; otherwise a 400 whose details name the parameter. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => {
        const message = `${name} must be a UUID`;
        return new InvalidInputException(message, [{ field: name, message }]);
      },
    }),
  );
}
