export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordPolicyContext {
  email?: string;
  /** True when the password is on a list of commonly used (breached) passwords. */
  isCommon: (lowerCasePassword: string) => boolean;
}

/**
 * Why a new password is refused, or null when it is acceptable. Length and a common-password list, as
 * NCSC guidance advises, rather than composition rules that push people towards predictable passwords.
 */
export function passwordProblem(password: string, context: PasswordPolicyContext): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (context.isCommon(lower)) {
    return 'Password is too common: choose one that is harder to guess, for example three random words';
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) {
    return 'Password must not be your email address';
  }
  return null;
}
