import type { ErasureResult, ProviderDetail } from '@dspt/contracts';
import { LspPages, SLUG } from '../testing/lsp-pages';

const ID = '3f1b2c44-0000-4000-8000-00000000abcd';
const CONTACT = '7a2e9d10-0000-4000-8000-00000000c001';
const BASE = `/api/tenants/${SLUG}/providers/${ID}`;

const PROVIDER = {
  id: ID,
  odsCode: 'A1B2',
  name: 'Oak Care Group',
  kind: 'hq',
  contacts: [
    {
      id: CONTACT,
      name: 'Pat Manager',
      email: 'pat@oak.example',
      role: 'registered_manager',
      isPrimary: true,
      unsubscribedAt: null,
    },
  ],
} as unknown as ProviderDetail;

const RESULT: ErasureResult = {
  pseudonyms: ['ds1:ab'],
  providersDeleted: 2,
  contactsDeleted: 3,
  emailsRedacted: 1,
  notesRedacted: 2,
  tasksRedacted: 0,
  progressCommentsRedacted: 0,
  auditEventsRedacted: 4,
};

describe('ErasurePage', () => {
  let pages: LspPages;

  afterEach(() => pages.close());

  it('erases a contact after a warning, and says what was removed', async () => {
    pages = new LspPages('admin');
    await pages.open(`/lsp/${SLUG}/providers/${ID}/contacts/${CONTACT}/erase`);
    await pages.answer('GET', BASE, PROVIDER);
    expect(pages.text('h1')).toBe('Erase Pat Manager');
    expect(pages.text('[data-testid="erasure-warning-heading"]')).toBe('Important: This cannot be undone');
    expect(pages.text('[data-testid="erasure-warning"]')).toContain(
      'Every contact record of pat@oak.example in this LSP will be deleted',
    );

    await pages.click('Erase contact');
    const request = await pages.answer('POST', `${BASE}/contacts/${CONTACT}/erasure`, {
      ...RESULT,
      providersDeleted: 0,
      contactsDeleted: 1,
    });
    expect(request.request.body).toEqual({});
    expect(pages.text('[data-testid="erasure-done"] h1')).toBe('Pat Manager was erased');
    expect(pages.text('[data-testid="erasure-done"]')).toContain(
      'Mentions removed from 1 email, 2 case notes, 0 tasks, 4 audit events.',
    );
  });

  it('asks for the ODS code before erasing a provider, and shows the API refusing a wrong one on the field', async () => {
    pages = new LspPages('admin');
    await pages.open(`/lsp/${SLUG}/providers/${ID}/erase`);
    await pages.answer('GET', BASE, PROVIDER);
    expect(pages.text('h1')).toBe('Erase Oak Care Group');
    expect(pages.text('[data-testid="erasure-warning"]')).toContain('Oak Care Group and its branches will be deleted');

    await pages.submit('erasure-form');
    expect(pages.fieldError('confirm-ods-code')).toBe("Enter the provider's ODS code");

    await pages.set('confirm-ods-code', 'B2');
    await pages.submit('erasure-form');
    await pages.refuse('POST', `${BASE}/erasure`, 400, "confirmOdsCode must be the provider's ODS code, A1B2", [
      { field: 'confirmOdsCode', message: "confirmOdsCode must be the provider's ODS code, A1B2" },
    ]);
    expect(pages.fieldError('confirm-ods-code')).toContain("the provider's ODS code");

    await pages.set('confirm-ods-code', ' a1b2 ');
    await pages.submit('erasure-form');
    const request = await pages.answer('POST', `${BASE}/erasure`, RESULT);
    expect(request.request.body).toEqual({ confirmOdsCode: 'a1b2' });
    expect(pages.text('[data-testid="erasure-done"] h1')).toBe('Oak Care Group was erased');
    expect(pages.text('[data-testid="erasure-done"]')).toContain('2 providers and 3 contacts deleted.');
  });

  it('is for LSP admins only', async () => {
    pages = new LspPages('adviser');
    await pages.open(`/lsp/${SLUG}/providers/${ID}/erase`);
    expect(pages.text('h1')).toBe('You do not have access');
  });
});
