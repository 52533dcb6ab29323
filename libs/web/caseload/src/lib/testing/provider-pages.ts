import type { ProviderContact, ProviderDetail } from '@dspt/contracts';
import { emptyProviderPage, type LspPages, SLUG } from './lsp-pages';

/** Test data: the provider the provider pages' tests open. */
export const PROVIDER_ID = '3f1b2c44-0000-4000-8000-00000000abcd';
export const PROVIDER_API = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}`;

/** Test data: a small single-site care home in Northumberland, not started, no contacts; `changes` alter it. */
export function providerDetail(changes: Partial<ProviderDetail> = {}): ProviderDetail {
  return {
    id: PROVIDER_ID,
    odsCode: 'VAB12',
    name: 'Oak House',
    kind: 'single_site',
    parent: null,
    branches: [],
    serviceType: 'care_home_residential',
    sizeBand: 'small',
    localAuthority: 'Northumberland',
    region: 'North East',
    assignedAdviser: null,
    hasCePlus: false,
    lastContactAt: null,
    archivedAt: null,
    version: 1,
    contacts: [],
    status: 'not_started',
    progress: { completed: 0, total: 3 },
    ...changes,
  };
}

/** Test data: the provider's registered manager, its primary contact, subscribed; `changes` alter them. */
export function providerContact(id: string, changes: Partial<ProviderContact> = {}): ProviderContact {
  return {
    id,
    name: 'Pat Manager',
    email: 'pat@oak.example',
    phone: '0113 496 0000',
    role: 'registered_manager',
    isPrimary: true,
    unsubscribedAt: null,
    ...changes,
  };
}

/** Answers what the provider page asks for when a form leads back to it: `provider`, its other sections empty. */
export async function answerProviderPage(pages: LspPages, provider: ProviderDetail): Promise<void> {
  await pages.answer('GET', `${PROVIDER_API}/page`, emptyProviderPage(provider));
  await pages.answerAny('GET', `/api/tenants/${SLUG}/advisers`, { items: [] });
}
