import { InvalidInputException } from './api-exception.filter';

/** A 400 about one field: the message is the problem itself, and `details` name the field. */
export function invalidField(field: string, message: string): InvalidInputException {
  return new InvalidInputException(message, [{ field, message }]);
}
