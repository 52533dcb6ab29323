import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import { hasGlobalRole } from '@dspt/web/auth';
import type { HeaderLink, LinkCard } from '@dspt/web/ui';

/*
 * Who sees which page, in one place: the header's links and the two hubs ("Manage LSP", "Manage
 * portal") are all built here. The header keeps the daily work, a handful of links that fit one row on a
 * laptop and two on a phone (NHS.UK's header guidance); everything else is one click away on a hub.
 */

export const MANAGE_LSP = 'Manage LSP';
export const MANAGE_PORTAL = 'Manage portal';

/** The pages of the LSP's "Manage LSP" hub that the member's role opens, each with what it is for. */
export function manageLspLinks(lsp: MembershipSummary): LinkCard[] {
  const base = `/lsp/${lsp.tenant.slug}`;
  const links: LinkCard[] = [];
  if (lsp.role === 'admin') {
    links.push(
      {
        text: 'Users',
        path: `${base}/users`,
        description: 'Invite people to the LSP, change their roles or remove them.',
      },
      {
        text: 'Email templates',
        path: `${base}/email-templates`,
        description: "Change the wording of the LSP's reminder and guidance emails.",
      },
      {
        text: 'Subject access',
        path: `${base}/subject-access`,
        description: 'Download everything the LSP holds about a person who asks for it.',
      },
      { text: 'Audit trail', path: `${base}/audit`, description: 'Search and download the record of who did what.' },
    );
  }
  if (lsp.role !== 'viewer') {
    links.push({ text: 'Import', path: `${base}/import`, description: 'Add or update providers from a spreadsheet.' });
  }
  links.push(
    {
      text: 'Transfers',
      path: `${base}/transfers`,
      description: 'Providers offered to the LSP by another, and those it has offered.',
    },
    {
      text: 'Reconciliation',
      path: `${base}/reconciliation`,
      description: "Where the caseload and the DSPT's status list disagree this year.",
    },
  );
  return links;
}

/** The system admin's pages on the "Manage portal" hub, each with what it is for; none for anyone else. */
export function managePortalLinks(user: CurrentUser | null): LinkCard[] {
  if (!user || !hasGlobalRole(user, 'system_admin')) {
    return [];
  }
  return [
    { text: 'LSPs', path: '/admin/tenants', description: 'Add Local Support Partners and invite their admins.' },
    {
      text: 'Transfer requests',
      path: '/admin/transfer-requests',
      description: 'Providers one LSP offers another: accept or decline them for the programme.',
    },
    { text: 'Cycles', path: '/admin/cycles', description: 'Add a DSPT year, move its deadline, import its questions.' },
    {
      text: 'DSPT list',
      path: '/admin/dspt-status',
      description: "Upload or fetch the DSPT's organisation status list.",
    },
    {
      text: 'CQC register',
      path: '/admin/cqc-register',
      description: "Upload CQC's register of locations, which coverage is measured against.",
    },
    {
      text: 'Programme leads',
      path: '/admin/programme-leads',
      description: 'The people who see programme-wide statistics, and inviting another.',
    },
    {
      text: 'Email templates',
      path: '/admin/email-templates',
      description: 'The default reminder and guidance emails, used where an LSP has not changed them.',
    },
    // Bull Board, served by the api outside the web app.
    {
      text: 'Queues',
      path: '/admin/queues',
      external: true,
      description: 'Background jobs, such as emails waiting, sent or failed.',
    },
  ];
}

/** The header's navigation links: the daily work in the LSP the user is working in, and the hubs they may use. */
export function navigationFor(user: CurrentUser | null, lsp: MembershipSummary | null): HeaderLink[] {
  if (!user) {
    return [];
  }
  const links: HeaderLink[] = [];
  if (lsp) {
    const base = `/lsp/${lsp.tenant.slug}`;
    links.push(
      // A provider's pages are reached from the caseload.
      { text: 'Caseload', path: `${base}/caseload`, section: [`${base}/providers`] },
      { text: 'My tasks', path: `${base}/tasks` },
      { text: 'Coverage', path: `${base}/coverage` },
      { text: 'Campaigns', path: `${base}/campaigns` },
      // The LSP's own completion statistics (aggregates), for every member.
      { text: 'Statistics', path: `${base}/statistics` },
      {
        text: MANAGE_LSP,
        path: `${base}/manage`,
        section: manageLspLinks(lsp).map((link) => link.path),
      },
    );
  }
  if (hasGlobalRole(user, 'programme_lead')) {
    links.push({ text: 'Statistics', path: '/statistics' });
  }
  if (managePortalLinks(user).length > 0) {
    // Its pages are all under /admin, so the link's own path marks the section.
    links.push({ text: MANAGE_PORTAL, path: '/admin' });
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
