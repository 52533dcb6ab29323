import type { Route, Routes } from '@angular/router';
import { tenantRoleGuard } from '@dspt/web/auth';
import { segmentIs } from '@dspt/web/core';

/**
 * The LSP's caseload pages, under `/lsp/:slug` (whose guard lets in its members): the caseload is the
 * LSP's home; importing providers is for its advisers and admins. Each page is loaded when first opened,
 * so the caseload (the usual first page) waits for neither the provider page's forms nor the import's.
 */
export const caseloadRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'caseload' },
  {
    path: 'caseload',
    loadComponent: () => import('./caseload/caseload-page').then((page) => page.CaseloadPage),
    title: 'Caseload',
  },
  // Adding and changing providers changes the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'providers/new',
    loadComponent: () => import('./provider/provider-form-page').then((page) => page.ProviderFormPage),
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Add a provider',
  },
  {
    path: 'providers/:providerId/edit',
    loadComponent: () => import('./provider/provider-form-page').then((page) => page.ProviderFormPage),
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Change provider',
  },
  // The title becomes the provider's name once it has loaded. An id that is no id is "Page not found".
  {
    path: 'providers/:providerId',
    loadComponent: () => import('./provider/provider-page').then((page) => page.ProviderPage),
    canMatch: [segmentIs(1, 'uuid')],
    title: 'Provider',
  },
  // Erasure (UK GDPR): a person who asked, or a provider leaving the programme; LSP admins only.
  {
    path: 'providers/:providerId/erase',
    loadComponent: () => import('./privacy/erasure-page').then((page) => page.ErasurePage),
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Erase provider',
  },
  // Contacts change with the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'providers/:providerId/contacts/new',
    loadComponent: () => import('./provider/contact-form-page').then((page) => page.ContactFormPage),
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Add a contact',
  },
  {
    path: 'providers/:providerId/contacts/:contactId/edit',
    loadComponent: () => import('./provider/contact-form-page').then((page) => page.ContactFormPage),
    canMatch: [segmentIs(1, 'uuid'), segmentIs(3, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Change a contact',
  },
  {
    path: 'providers/:providerId/contacts/:contactId/erase',
    loadComponent: () => import('./privacy/erasure-page').then((page) => page.ErasurePage),
    canMatch: [segmentIs(1, 'uuid'), segmentIs(3, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Erase contact',
  },
  // Offering a provider that moved area to another LSP: LSP admins (the API's lsp.transfers.manage).
  {
    path: 'providers/:providerId/move',
    loadComponent: () => import('./transfers/move-provider-page').then((page) => page.MoveProviderPage),
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Move to another LSP',
  },
  {
    path: 'transfers',
    loadComponent: () => import('./transfers/transfers-page').then((page) => page.TransfersPage),
    title: 'Transfers between LSPs',
  },
  {
    path: 'tasks',
    loadComponent: () => import('./casework/my-tasks-page').then((page) => page.MyTasksPage),
    title: 'My tasks',
  },
  // Where the portal and the DSPT status list disagree: every member reads it, advisers resolve.
  {
    path: 'reconciliation',
    loadComponent: () => import('./reconciliation/reconciliation-page').then((page) => page.ReconciliationPage),
    title: 'Reconciliation',
  },
  // Registered locations in the LSP's local authorities and who supports them; the outreach list.
  {
    path: 'coverage',
    loadComponent: () => import('./cqc-coverage/coverage-page').then((page) => page.CoveragePage),
    title: 'Coverage',
  },
  // Importing changes the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'import',
    loadComponent: () => import('./import/provider-import-page').then((page) => page.ProviderImportPage),
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Import providers',
  },
];

/** The route of `path` below `/lsp/:slug` (`''` is the caseload, where the LSP's home leads). */
export function caseloadRouteFor(path: string): Route | undefined {
  const segments = (path || 'caseload').split('/').filter((segment) => segment !== '');
  return caseloadRoutes.find((candidate) => {
    const pattern = candidate.path?.split('/') ?? [];
    return (
      pattern.length === segments.length &&
      pattern.every((part, index) => part.startsWith(':') || part === segments[index])
    );
  });
}

/**
 * Starts fetching the code of the page at `path` (below `/lsp/:slug`) as the app starts, before the
 * router asks for it: the router's own import then finds it loaded.
 */
export function preloadCaseloadPage(path: string): void {
  void caseloadRouteFor(path)?.loadComponent?.();
}
