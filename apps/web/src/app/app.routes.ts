import type { Routes } from '@angular/router';
import {
  AcceptInvitationPage,
  MfaEnrolmentPage,
  MfaPage,
  SignInPage,
  globalRoleGuard,
  homeRedirect,
  signedInGuard,
  signedOutGuard,
  tenantRoleGuard,
} from '@dspt/web/auth';
import { AccessDeniedPage } from './access-denied/access-denied-page';
import { NotFoundPage } from './not-found/not-found-page';
import { passwordResetRoutes } from './password-reset/password-reset.routes';
import { StatusPage } from './status/status-page';

/**
 * Every page and who may open it. The guards only spare users pages they cannot use: the API checks
 * the same rules on every call. Titles get " – DSPT Support Portal" added (PortalTitleStrategy).
 */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: homeRedirect },

  // Public
  { path: 'status', component: StatusPage, title: 'Service status' },
  { path: 'sign-in', component: SignInPage, canActivate: [signedOutGuard], title: 'Sign in' },
  { path: 'sign-in/mfa', component: MfaPage, canActivate: [signedOutGuard], title: 'Enter your security code' },
  ...passwordResetRoutes,
  // Both for a sign-in that must set up MFA first and for a signed-in user who has not: the page checks.
  { path: 'account/mfa', component: MfaEnrolmentPage, title: 'Set up two-factor authentication' },
  { path: 'invitations/accept', component: AcceptInvitationPage, title: 'Accept your invitation' },
  { path: 'access-denied', component: AccessDeniedPage, title: 'You do not have access' },
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
      {
        path: 'lsp/:slug/users',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.LspUsersPage),
        canActivate: [tenantRoleGuard('admin')],
        title: 'Users',
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
      {
        path: 'admin/tenants',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.TenantsPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'LSPs',
      },
      {
        path: 'admin/email-templates',
        loadComponent: () => import('@dspt/web/reminders').then((reminders) => reminders.GlobalEmailTemplatesPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Default email templates',
      },
      {
        path: 'admin/programme-leads',
        loadComponent: () => import('@dspt/web/admin').then((admin) => admin.ProgrammeLeadsPage),
        canActivate: [globalRoleGuard('system_admin')],
        title: 'Programme leads',
      },
    ],
  },

  { path: '**', component: NotFoundPage, title: 'Page not found' },
];
