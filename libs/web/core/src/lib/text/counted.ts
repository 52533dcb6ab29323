/** Whole numbers as the screens write them: "1,500". */
export const wholeNumber = new Intl.NumberFormat('en-GB');

/** "1 provider", "1,500 providers". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${wholeNumber.format(n)} ${n === 1 ? one : many}`;
}
