import { passwordProblem, InvalidInput } from '@dspt/domain';
import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';

/** The 49,000 most common passwords from zxcvbn-ts' maintained list, lower-cased. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'] as string[]);

@Injectable()
export class PasswordPolicy {
  /** Throws a 400 naming the `password` field when the new password is not acceptable. */
  assertAcceptable(password: string, email: string): void {
    const problem = passwordProblem(password, { email, isCommon: (candidate) => COMMON_PASSWORDS.has(candidate) });
    if (problem) {
      throw new InvalidInput(problem, [{ field: 'password', message: problem }]);
    }
  }
}
