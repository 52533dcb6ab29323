/**
 * What an adviser chose for a guidance email: the open items to list. No choice lists every open item; a
 * choice keeps, in DSPT order, those still open (an item completed after the choice drops out).
 */
export function keepChosenItems<T extends { code: string }>(
  openItems: readonly T[],
  chosenCodes: readonly string[] | null | undefined,
): T[] {
  if (!chosenCodes) {
    return [...openItems];
  }
  const chosen = new Set(chosenCodes);
  return openItems.filter((item) => chosen.has(item.code));
}

/** The chosen codes that are not among the open items (to name in a refusal), each once, as given. */
export function codesNotOpen(chosenCodes: readonly string[], openCodes: readonly string[]): string[] {
  const open = new Set(openCodes);
  return [...new Set(chosenCodes)].filter((code) => !open.has(code));
}
