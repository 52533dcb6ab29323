import type { ProviderContactInput } from '@dspt/contracts';
import { contactListProblems, withPrimaryDefault } from './contact-list';

const contact = (email: string, isPrimary?: boolean): ProviderContactInput => ({
  name: 'Pat',
  email,
  role: 'owner',
  isPrimary,
});

describe('contactListProblems', () => {
  it('accepts distinct addresses with at most one primary', () => {
    expect(contactListProblems([contact('a@x.example', true), contact('b@x.example')])).toEqual([]);
    expect(contactListProblems([])).toEqual([]);
  });

  it('refuses two primaries and names each repeated address', () => {
    expect(
      contactListProblems([contact('a@x.example', true), contact('b@x.example', true), contact('a@x.example')]),
    ).toEqual([
      { field: 'contacts', message: 'Only one contact can be the primary contact' },
      { field: 'contacts.2.email', message: 'a@x.example is listed more than once' },
    ]);
  });
});

describe('withPrimaryDefault', () => {
  it('makes the first contact primary when none is marked, unless it is marked not primary', () => {
    expect(withPrimaryDefault([contact('a@x.example'), contact('b@x.example')]).map((c) => c.isPrimary)).toEqual([
      true,
      false,
    ]);
    expect(withPrimaryDefault([contact('a@x.example', false), contact('b@x.example')]).map((c) => c.isPrimary)).toEqual(
      [false, true],
    );
    expect(withPrimaryDefault([contact('a@x.example', false)]).map((c) => c.isPrimary)).toEqual([false]);
  });

  it('keeps the one marked primary', () => {
    expect(
      withPrimaryDefault([contact('a@x.example', false), contact('b@x.example', true)]).map((c) => c.isPrimary),
    ).toEqual([false, true]);
  });
});
