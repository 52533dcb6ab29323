import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInput } from '@dspt/domain';

/** A path parameter that must be a UUID; otherwise a 400 whose details name the parameter. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => {
        const message = `${name} must be a UUID`;
        return new InvalidInput(message, [{ field: name, message }]);
      },
    }),
  );
}
