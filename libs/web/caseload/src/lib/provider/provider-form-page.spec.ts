import { fillInDialogMethods } from '@dspt/web/reminders/testing';
import { LspPages, SLUG } from '../testing/lsp-pages';
import { answerProviderPage, PROVIDER_API, PROVIDER_ID, providerDetail } from '../testing/provider-pages';
import { ODS_CHECK_DELAY_MS } from './provider-form-page';

const ID = PROVIDER_ID;
const LIST = `/api/tenants/${SLUG}/providers`;
const BASE = PROVIDER_API;

const PROVIDER = providerDetail({ version: 4 });

// Each test ends on the provider page, the portal's largest, which jsdom renders slowly on a busy machine.
jest.setTimeout(30_000);

describe('ProviderFormPage', () => {
  let pages: LspPages;

  beforeAll(() => fillInDialogMethods());
  beforeEach(() => {
    pages = new LspPages('adviser');
  });
  afterEach(() => pages.close());

  it('adds a provider, checking the ODS code as the adviser types, then opens its page', async () => {
    pages.useFakeTimers();
    await pages.open(`/lsp/${SLUG}/providers/new`);
    expect(pages.text('h1')).toBe('Add a provider');

    await pages.set('provider-kind-hq', true);
    await pages.set('provider-ods-code', 'vab12');
    await pages.wait(ODS_CHECK_DELAY_MS);
    const taken = await pages.answer('GET', `${LIST}/ods-check`, {
      odsCode: 'VAB12',
      registered: false,
      problem: 'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
    });
    expect(taken.request.params.get('code')).toBe('VAB12');
    expect(taken.request.params.get('kind')).toBe('hq');
    expect(pages.text('[data-testid="ods-check"]')).toBe(
      'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
    );

    await pages.set('provider-kind-single_site', true);
    await pages.answer('GET', `${LIST}/ods-check`, { odsCode: 'VAB12', registered: false, problem: null });
    expect(pages.text('[data-testid="ods-check"]')).toBe('VAB12 is not registered yet: it can be used.');

    await pages.submit('provider-form');
    expect(pages.fieldError('provider-name')).toBe("Enter the provider's name");
    expect(pages.fieldError('provider-region')).toBe('Select a region');

    await pages.set('provider-name', ' Oak House ');
    await pages.set('provider-service-type', 'care_home_residential');
    await pages.set('provider-size-band', 'small');
    await pages.set('provider-local-authority', 'Northumberland');
    await pages.set('provider-region', 'North East');
    await pages.submit('provider-form');
    const created = await pages.answer('POST', LIST, PROVIDER);
    expect(created.request.body).toEqual({
      kind: 'single_site',
      odsCode: 'VAB12',
      parentOdsCode: null,
      name: 'Oak House',
      serviceType: 'care_home_residential',
      sizeBand: 'small',
      localAuthority: 'Northumberland',
      region: 'North East',
      hasCePlus: false,
    });
    await answerProviderPage(pages, PROVIDER);
    expect(pages.text('h1')).toBe('Oak House');
    expect(pages.text('[data-testid="summary-confirmation"]')).toBe('Oak House was added to the caseload.');
  });

  it('shows a taken ODS code at its field', async () => {
    await pages.open(`/lsp/${SLUG}/providers/new`);
    await pages.set('provider-kind-single_site', true);
    for (const [id, value] of [
      ['provider-ods-code', 'VAB12'],
      ['provider-name', 'Oak House'],
      ['provider-service-type', 'homecare'],
      ['provider-size-band', 'small'],
      ['provider-local-authority', 'Leeds'],
      ['provider-region', 'North East'],
    ]) {
      await pages.set(id, value);
    }
    await pages.submit('provider-form');
    await pages.refuse('POST', LIST, 409, 'ODS code VAB12 is already registered');
    expect(pages.fieldError('provider-ods-code')).toBe('ODS code VAB12 is already registered');
    await pages.answerAny('GET', `${LIST}/ods-check`, {
      odsCode: 'VAB12',
      registered: true,
      problem: 'ODS code VAB12 is already registered',
    });
  });

  it("edits from the summary's Change links; when someone saved first it shows theirs against yours and applies yours on top", async () => {
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    await answerProviderPage(pages, PROVIDER);
    const links = [
      ...pages.element.querySelectorAll<HTMLAnchorElement>(
        '[data-testid="provider-summary"] .nhsuk-summary-list__actions a',
      ),
    ];
    expect(links.map((link) => link.textContent?.replace(/\s+/g, ' ').trim())).toContain('Change local authority');
    expect(links[0].getAttribute('href')).toBe(`/lsp/${SLUG}/providers/${ID}/edit#provider-ods-code`);

    await pages.navigate(`/lsp/${SLUG}/providers/${ID}/edit`);
    await pages.answer('GET', BASE, PROVIDER);
    expect(pages.text('h1')).toBe('Change Oak House');
    await pages.set('provider-name', 'Oak House Care Home');
    await pages.set('provider-size-band', 'medium');
    await pages.submit('provider-form');
    const first = await pages.refuse('PATCH', BASE, 409, 'Someone else changed this provider', [
      {
        field: 'sizeBand',
        message: 'sizeBand was changed by Sam after you opened this provider',
        current: 'large',
      } as never,
      {
        field: 'region',
        message: 'region was changed by Sam after you opened this provider',
        current: 'North West',
      } as never,
    ]);
    expect(first.request.body).toEqual({ name: 'Oak House Care Home', sizeBand: 'medium', version: 4 });
    await pages.answer('GET', BASE, { ...PROVIDER, sizeBand: 'large', region: 'North West', version: 6 });
    expect(pages.cells('[data-testid="edit-conflict"] tbody tr')).toEqual([
      ['Size', 'Large (250 or more staff)', 'Medium (50 to 249 staff)'],
      ['Region', 'North West', 'Not changed by you'],
    ]);

    await pages.click('Apply my changes on top');
    const second = await pages.answer('PATCH', BASE, {
      ...PROVIDER,
      name: 'Oak House Care Home',
      sizeBand: 'medium',
      region: 'North West',
      version: 7,
    });
    expect(second.request.body).toEqual({ name: 'Oak House Care Home', sizeBand: 'medium', version: 6 });
    await answerProviderPage(pages, {
      ...PROVIDER,
      name: 'Oak House Care Home',
      sizeBand: 'medium',
      region: 'North West',
      version: 7,
    });
    expect(pages.text('[data-testid="summary-confirmation"]')).toBe('Your changes were saved.');
  });

  it('archives a provider after asking, and restores it', async () => {
    await pages.open(`/lsp/${SLUG}/providers/${ID}`);
    await answerProviderPage(pages, PROVIDER);
    await pages.click('Archive provider');
    await pages.click('Yes, archive Oak House');
    await pages.answer('POST', `${BASE}/archive`, { ...PROVIDER, archivedAt: '2026-11-02T10:00:00Z' });
    await pages.answer('GET', BASE, { ...PROVIDER, archivedAt: '2026-11-02T10:00:00Z' });
    expect(pages.text('[data-testid="summary-confirmation"]')).toBe(
      'Oak House was archived. It is no longer in the caseload.',
    );
    expect(pages.element.querySelector('[data-testid="provider-summary"] .nhsuk-summary-list__actions')).toBeNull();

    await pages.click('Restore to the caseload');
    await pages.answer('POST', `${BASE}/unarchive`, PROVIDER);
    await pages.answer('GET', BASE, PROVIDER);
    expect(pages.text('[data-testid="summary-confirmation"]')).toBe('Oak House is back in the caseload.');
  });
});
