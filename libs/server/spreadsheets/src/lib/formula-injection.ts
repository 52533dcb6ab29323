/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return followed by
 * one) as a formula. Exported values are prefixed with an apostrophe so they stay text (OWASP
 * "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
