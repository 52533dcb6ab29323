/** A phone number as the adviser typed it, trimmed and with runs of spaces made one. */
export function normaliseUkPhoneNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/**
 * Why a text cannot be a UK phone number to call a provider on, or null when it can. Spaces, hyphens and
 * brackets are allowed as people write them; +44 or 0044 stands for the leading 0. UK numbers are then 10
 * or 11 digits starting 01, 02, 03, 07 or 08 (09 is premium rate, never a provider's line).
 */
export function ukPhoneNumberProblem(raw: string): string | null {
  if (!/^[+\d\s()-]+$/.test(raw)) {
    return 'Phone number must contain only digits, spaces, brackets, hyphens and a leading +';
  }
  const digits = raw.replace(/[\s()-]/g, '').replace(/^(\+44|0044)(?:0)?/, '0');
  if (digits.includes('+')) {
    return 'Phone number must be a UK number: only +44 may start it';
  }
  if (!/^0\d{9,10}$/.test(digits)) {
    return 'Phone number must be a UK number of 10 or 11 digits, like 0113 496 0000 or 07700 900 123';
  }
  if (!/^0[12378]/.test(digits)) {
    return 'Phone number must start 01, 02, 03, 07 or 08';
  }
  return null;
}
