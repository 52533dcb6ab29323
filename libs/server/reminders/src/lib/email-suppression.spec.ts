import type { EmailRenderData } from './email-render-data';
import { suppressionReason } from './email-suppression';

const contact = { id: 'c', name: 'Pat', email: 'pat@care.example', isPrimary: true, unsubscribedAt: null };
const base: EmailRenderData = {
  tenantId: 't',
  tenantName: 'North LSP',
  replyTo: null,
  providerId: 'p',
  providerName: 'Oak House',
  odsCode: 'VAB12',
  archived: false,
  hasCePlus: false,
  publishedMetOrAbove: false,
  contact,
  cycleCode: '2026-27',
  deadline: '2027-06-30',
  adviserName: null,
  questions: [],
};

describe('suppressionReason', () => {
  it.each([
    ['deadline_reminder', {}, null],
    ['deadline_reminder', { contact: null }, 'The contact was removed'],
    ['deadline_reminder', { contact: { ...contact, unsubscribedAt: new Date() } }, 'The contact unsubscribed'],
    ['deadline_reminder', { archived: true }, 'The provider was archived'],
    ['deadline_reminder', { publishedMetOrAbove: true }, 'The provider published at Standards Met or above'],
    ['deadline_reminder', { contact: { ...contact, isPrimary: false } }, 'No longer the primary contact'],
    // An adviser's guidance goes to the contact they chose, whatever the provider's state.
    ['guidance', { archived: true, publishedMetOrAbove: true, contact: { ...contact, isPrimary: false } }, null],
    ['guidance', { contact: { ...contact, unsubscribedAt: new Date() } }, 'The contact unsubscribed'],
  ] as const)('%s with %j: %s', (kind, change, reason) => {
    expect(suppressionReason(kind, { ...base, ...change })).toBe(reason);
  });
});
