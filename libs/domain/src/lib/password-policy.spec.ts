import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

const common = new Set(['password1234', 'qwertyuiop123']);
const context = { email: 'sam.jones@lsp.example', isCommon: (p: string) => common.has(p) };

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('copper kettle harbour', context)).toBeNull();
  });

  it('refuses passwords shorter than the minimum, naming the minimum', () => {
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH - 1), context)).toBe(
      'Password must be at least 12 characters',
    );
    expect(passwordProblem('a'.repeat(PASSWORD_MIN_LENGTH) + 'bc', context)).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password1234', context)).toMatch(/too common/);
    expect(passwordProblem('QWERTYUIOP123', context)).toMatch(/too common/);
  });

  it('refuses the email address or its local part', () => {
    expect(passwordProblem('Sam.Jones@lsp.example', context)).toBe('Password must not be your email address');
    expect(passwordProblem('sam.jones.xyz', { ...context, email: 'sam.jones.xyz@lsp.example' })).toBe(
      'Password must not be your email address',
    );
  });

  it('refuses absurdly long input', () => {
    expect(passwordProblem('x'.repeat(257), context)).toMatch(/256 characters or fewer/);
  });
});
