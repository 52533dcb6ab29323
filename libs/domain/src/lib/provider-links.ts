import type { ProviderKind } from './provider-fields';

const KIND_NAMES: Record<ProviderKind, string> = { single_site: 'a single site', hq: 'an HQ', branch: 'a branch' };

export function kindName(kind: ProviderKind): string {
  return KIND_NAMES[kind];
}

/** The HQ a branch names, as found in the LSP (null: no provider with that code there). */
export interface ParentCandidate {
  odsCode: string;
  kind: ProviderKind;
}

/**
 * Why a provider's link to its HQ is wrong, or null when it is right: only branches name an HQ, a branch
 * must name one, and it must be an HQ of the same LSP. `field` is the name the caller's input uses.
 * `parent` is looked up only for a branch that names one (undefined otherwise).
 */
export function parentLinkProblem(
  provider: { kind: ProviderKind; parentOdsCode: string | null },
  parent: ParentCandidate | null | undefined,
  field: string,
): string | null {
  if (provider.kind !== 'branch') {
    return provider.parentOdsCode
      ? `${field} is only for branches, and this provider is ${kindName(provider.kind)}`
      : null;
  }
  if (!provider.parentOdsCode) {
    return `A branch needs ${field}: its HQ's ODS code`;
  }
  if (!parent) {
    return `No provider with ODS code ${provider.parentOdsCode} in this LSP: add the HQ first`;
  }
  return parent.kind === 'hq' ? null : `${parent.odsCode} is ${kindName(parent.kind)}, not an HQ`;
}

/** An HQ stops being one only once no branch names it. */
export function hqWithBranchesProblem(branches: number): string | null {
  return branches > 0
    ? `This HQ has ${branches} branch${branches === 1 ? '' : 'es'}: link them to another HQ first`
    : null;
}
