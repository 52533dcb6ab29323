import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import { hasGlobalRole } from '@dspt/web/auth';
import type { HeaderLink } from '@dspt/web/ui';

/** The header's navigation links: the pages the user's roles open, in the LSP they are working in. */
export function navigationFor(user: CurrentUser | null, lsp: MembershipSummary | null): HeaderLink[] {
  if (!user) {
    return [];
  }
  const links: HeaderLink[] = [];
  if (lsp) {
    const base = `/lsp/${lsp.tenant.slug}`;
    links.push(
      { text: 'Caseload', path: `${base}/caseload` },
      { text: 'My tasks', path: `${base}/tasks` },
      { text: 'Campaigns', path: `${base}/campaigns` },
    );
    if (lsp.role !== 'viewer') {
      links.push({ text: 'Import', path: `${base}/import` });
    }
    if (lsp.role === 'admin') {
      links.push(
        { text: 'Users', path: `${base}/users` },
        { text: 'Email templates', path: `${base}/email-templates` },
      );
    }
  }
  if (lsp) {
    // The LSP's own completion statistics (aggregates), for every member.
    links.push({ text: 'Statistics', path: `/lsp/${lsp.tenant.slug}/statistics` });
  }
  if (hasGlobalRole(user, 'programme_lead')) {
    links.push({ text: 'Statistics', path: '/statistics' });
  }
  if (hasGlobalRole(user, 'system_admin')) {
    links.push(
      { text: 'LSPs', path: '/admin/tenants' },
      { text: 'Programme leads', path: '/admin/programme-leads' },
      { text: 'Email templates', path: '/admin/email-templates' },
      // Bull Board, served by the api outside the web app.
      { text: 'Queues', path: '/admin/queues', external: true },
    );
  }
  return links;
}

/** Links in the header's account area, next to the user's name. */
export function accountLinksFor(user: CurrentUser | null): HeaderLink[] {
  if (!user) {
    return [];
  }
  const links: HeaderLink[] = [{ text: 'Your account', path: '/account' }];
  if (!user.user.mfaEnrolled) {
    links.push({ text: 'Set up two-factor authentication', path: '/account/mfa' });
  }
  return links;
}
