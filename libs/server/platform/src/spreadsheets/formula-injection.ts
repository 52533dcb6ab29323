/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return followed by
 * one) as a formula. Exported values are prefixed with an apostrophe so they stay text (OWASP
 * "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The reverse of `neutraliseFormula`, for reading files: a cell our export neutralised (an apostrophe before
 * = + - @) reads back as the value it was, so an exported file imports as it is. Stored values are never
 * run as formulas, so nothing is lost in safety: every export neutralises them again.
 */
export function restoreNeutralisedFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
