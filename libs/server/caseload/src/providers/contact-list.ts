import type { ApiErrorDetail, ProviderContactInput } from '@dspt/contracts';
import type { ContactRole } from '@dspt/domain';

/** What the audit trail records of a contact, before and after a change. */
export function contactSnapshot(contact: {
  providerId: string;
  name: string;
  email: string;
  phone?: string | null;
  role: ContactRole;
  isPrimary: boolean;
}) {
  return {
    providerId: contact.providerId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone ?? null,
    role: contact.role,
    isPrimary: contact.isPrimary,
  };
}

/** A new provider's contacts: at most one primary, each address once (emails arrive lower-cased). */
export function contactListProblems(contacts: readonly ProviderContactInput[]): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  if (contacts.filter((contact) => contact.isPrimary).length > 1) {
    details.push({ field: 'contacts', message: 'Only one contact can be the primary contact' });
  }
  const seen = new Set<string>();
  contacts.forEach((contact, index) => {
    if (seen.has(contact.email)) {
      details.push({ field: `contacts.${index}.email`, message: `${contact.email} is listed more than once` });
    }
    seen.add(contact.email);
  });
  return details;
}

/**
 * With no contact marked primary, the first one not marked `isPrimary: false` is: a provider with
 * contacts has someone to write to first unless the adviser says otherwise.
 */
export function withPrimaryDefault(
  contacts: readonly ProviderContactInput[],
): Array<ProviderContactInput & { isPrimary: boolean }> {
  const primary = contacts.some((contact) => contact.isPrimary)
    ? contacts.findIndex((contact) => contact.isPrimary)
    : contacts.findIndex((contact) => contact.isPrimary === undefined);
  return contacts.map((contact, index) => ({ ...contact, isPrimary: index === primary }));
}
