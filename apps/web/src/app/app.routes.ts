import type { Routes } from '@angular/router';
import { globalRoleGuard, homeRedirect, signedInGuard, signedOutGuard, tenantRoleGuard } from '@dspt/web/auth';
import { passwordResetRoutes } from './password-reset/password-reset.routes';

/**
 * Every page and who may open it. The guards only spare users pages they cannot use: the API checks
 * the same rules on every call. Titles get " – DSPT Support Portal" added (PortalTitleStrategy).
 * Every page is loaded when first opened: the app's own code is only the frame, the session and the
 * routes, so the usual first page (the caseload) starts sooner, and the sign-in pages (and forms) wait.
 */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: homeRedirect },

  // Public
  {
    path: 'status',
    loadComponent: () => import('./status/status-page').then((page) => page.StatusPage),
    title: 'Service status',
  },
  {
    path: 'sign-in',
    loadComponent: () => import('@dspt/web/auth/pages').then((pages) => pages.SignInPage),
    canActivate: [signedOutGuard],
    title: 'Sign in',
  },
  {
    path: 'sign-in/mfa',
    loadComponent: () => import('@dspt/web/auth/pages').then((pages) => pages.MfaPage),
    canActivate: [signedOutGuard],
    title: 'Enter your security code',
  },
  ...passwordResetRoutes,
  // Both for a sign-in that must set up MFA first and for a signed-in user who has not: the page checks.
  {
    path: 'account/mfa',
    loadComponent: () => import('@dspt/web/auth/pages').then((pages) => pages.MfaEnrolmentPage),
    title: 'Set up two-factor authentication',
  },
  {
    path: 'invitations/accept',
    loadComponent: () => import('@dspt/web/auth/pages').then((pages) => pages.AcceptInvitationPage),
    title: 'Accept your invitation',
  },
  {
    path: 'access-denied',
    loadComponent: () => import('./access-denied/access-denied-page').then((page) => page.AccessDeniedPage),
    title: 'You do not have access',
  },
  // The link at the foot of every reminder and guidance email: no sign-in, the token in it is enough.
  {
    path: 'unsubscribe',
    loadComponent: () => import('@dspt/web/reminders').then((reminders) => reminders.UnsubscribePage),
    title: 'Unsubscribe from emails',
  },

  // Signed in
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      {
        path: 'account',
        loadComponent: () => import('./account/account-page').then((account) => account.AccountPage),
        title: 'Your account',
      },
      // The LSP's pages beyond the daily work, as the member's role allows ("Manage LSP" in the header).
      {
        path: 'lsp/:slug/manage',
        loadComponent: () => import('./manage/manage-lsp-page').then((page) => page.ManageLspPage),
        canActivate: [tenantRoleGuard('viewer')],
        title: 'Manage LSP',
      },
      {
        path: 'lsp/:slug/users',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.LspUsersPage),
        canActivate: [tenantRoleGuard('admin')],
        title: 'Users',
      },
      // The LSP's whole audit trail: searched, paged and downloaded, for LSP admins.
      {
        path: 'lsp/:slug/audit',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.AuditTrailPage),
        canActivate: [tenantRoleGuard('admin')],
        title: 'Audit trail',
      },
      // A person's copy of their data (UK GDPR subject access), for LSP admins.
      {
        path: 'lsp/:slug/subject-access',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.SubjectAccessPage),
        canActivate: [tenantRoleGuard('admin')],
        title: 'Subject access request',
      },
      // Reminder steps per cycle, who each emails and its delivery log; LSP admins change the steps.
      {
        path: 'lsp/:slug/campaigns',
        loadChildren: () => import('@dspt/web/reminders').then((reminders) => reminders.campaignRoutes),
        canActivate: [tenantRoleGuard('viewer')],
      },
      {
        path: 'lsp/:slug/email-templates',
        loadComponent: () => import('@dspt/web/reminders').then((reminders) => reminders.LspEmailTemplatesPage),
        canActivate: [tenantRoleGuard('admin')],
        title: 'Email templates',
      },
      // An LSP's own completion statistics (aggregates of its providers), for every member.
      {
        path: 'lsp/:slug/statistics',
        loadChildren: () => import('@dspt/web/statistics').then((statistics) => statistics.statisticsRoutes),
        canActivate: [tenantRoleGuard('viewer')],
      },
      // The LSP's home is its caseload; with its provider pages and My tasks.
      {
        path: 'lsp/:slug',
        loadChildren: () => import('@dspt/web/caseload').then((caseload) => caseload.caseloadRoutes),
        canActivate: [tenantRoleGuard('viewer')],
      },
      // Programme-wide completion statistics (aggregates of every LSP).
      {
        path: 'statistics',
        loadChildren: () => import('@dspt/web/statistics').then((statistics) => statistics.statisticsRoutes),
        canActivate: [globalRoleGuard('programme_lead')],
      },
      // The system admin's pages ("Manage portal" in the header).
      {
        path: 'admin',
        pathMatch: 'full',
        loadComponent: () => import('./manage/manage-portal-page').then((page) => page.ManagePortalPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Manage portal',
      },
      {
        path: 'admin/tenants',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.TenantsPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'LSPs',
      },
      // One LSP: its team's size and inviting its admins (the page sets its title to the LSP's name).
      {
        path: 'admin/tenants/:slug',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.TenantDetailPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'LSP',
      },
      // Providers offered by one LSP to another, answered by a system admin for the receiving LSP.
      {
        path: 'admin/transfer-requests',
        loadComponent: () => import('@dspt/web/caseload').then((caseload) => caseload.loadProgrammeTransfersPage()),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Transfer requests',
      },
      // DSPT years: adding one, moving a deadline and importing a question set.
      {
        path: 'admin/cycles',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.CyclesPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Assessment cycles',
      },
      {
        path: 'admin/cycles/:code',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.CyclePage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Assessment cycle',
      },
      // The DSPT's organisation status list: uploads, the mapping used, scheduled fetches.
      {
        path: 'admin/dspt-status',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.DsptListPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'DSPT status list',
      },
      {
        path: 'admin/email-templates',
        loadComponent: () => import('@dspt/web/reminders').then((reminders) => reminders.GlobalEmailTemplatesPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Default email templates',
      },
      // The CQC register every LSP's coverage is measured against.
      {
        path: 'admin/cqc-register',
        loadComponent: () => import('@dspt/web/caseload').then((caseload) => caseload.loadCqcRegisterPage()),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'CQC register',
      },
      {
        path: 'admin/programme-leads',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.ProgrammeLeadsPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Programme leads',
      },
    ],
  },

  {
    path: '**',
    loadComponent: () => import('./not-found/not-found-page').then((page) => page.NotFoundPage),
    title: 'Page not found',
  },
];
