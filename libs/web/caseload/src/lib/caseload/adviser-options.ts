import type { AssignableAdviser } from '@dspt/contracts';
import type { SelectOption } from '@dspt/web/ui';

interface Person {
  id: string;
  displayName: string;
}

/** What the page knows of the LSP's advisers. */
export interface AdviserSources {
  /** The signed-in user, when they can be assigned providers (advisers and admins). */
  me: Person | null;
  /** The LSP's advisers and admins. */
  members?: readonly AssignableAdviser[];
  /** Advisers assigned to the providers on show. */
  seen: readonly (Person | null)[];
  /** The adviser the caseload is filtered by, so the filter always shows it. */
  selectedId: string | null;
}

/**
 * The advisers to offer in the adviser filter, for bulk assignment and for a task: the user first
 * ("(you)"), then everyone else who can be assigned providers and tasks, by name: the LSP's advisers and
 * admins (`GET advisers`, once loaded) and the advisers of the providers on show.
 */
export function adviserOptions({ me, members = [], seen, selectedId }: AdviserSources): SelectOption[] {
  const others = new Map<string, string>();
  for (const member of members) {
    if (member.role !== 'viewer') {
      others.set(member.userId, member.displayName);
    }
  }
  for (const person of seen) {
    if (person) {
      others.set(person.id, person.displayName);
    }
  }
  if (me) {
    others.delete(me.id);
  }
  const options: SelectOption[] = [...others]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  if (me) {
    options.unshift({ value: me.id, label: `${me.displayName} (you)` });
  }
  if (selectedId && selectedId !== 'none' && !options.some((option) => option.value === selectedId)) {
    options.push({ value: selectedId, label: 'The adviser in this view' });
  }
  return options;
}
