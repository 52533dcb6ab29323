import type { Routes } from '@angular/router';
import { tenantRoleGuard } from '@dspt/web/auth';
import { segmentIs } from '@dspt/web/core';
import { CaseloadPage } from './caseload/caseload-page';
import { MyTasksPage } from './casework/my-tasks-page';
import { CoveragePage } from './cqc-coverage/coverage-page';
import { ProviderImportPage } from './import/provider-import-page';
import { ErasurePage } from './privacy/erasure-page';
import { ContactFormPage } from './provider/contact-form-page';
import { ProviderFormPage } from './provider/provider-form-page';
import { ProviderPage } from './provider/provider-page';
import { MoveProviderPage } from './transfers/move-provider-page';
import { TransfersPage } from './transfers/transfers-page';
import { ReconciliationPage } from './reconciliation/reconciliation-page';

/**
 * The LSP's caseload pages, under `/lsp/:slug` (whose guard lets in its members): the caseload is the
 * LSP's home; importing providers is for its advisers and admins. Loaded lazily with the first of them.
 */
export const caseloadRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'caseload' },
  { path: 'caseload', component: CaseloadPage, title: 'Caseload' },
  // Adding and changing providers changes the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'providers/new',
    component: ProviderFormPage,
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Add a provider',
  },
  {
    path: 'providers/:providerId/edit',
    component: ProviderFormPage,
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Change provider',
  },
  // The title becomes the provider's name once it has loaded. An id that is no id is "Page not found".
  { path: 'providers/:providerId', component: ProviderPage, canMatch: [segmentIs(1, 'uuid')], title: 'Provider' },
  // Erasure (UK GDPR): a person who asked, or a provider leaving the programme; LSP admins only.
  {
    path: 'providers/:providerId/erase',
    component: ErasurePage,
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Erase provider',
  },
  // Contacts change with the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'providers/:providerId/contacts/new',
    component: ContactFormPage,
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Add a contact',
  },
  {
    path: 'providers/:providerId/contacts/:contactId/edit',
    component: ContactFormPage,
    canMatch: [segmentIs(1, 'uuid'), segmentIs(3, 'uuid')],
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Change a contact',
  },
  {
    path: 'providers/:providerId/contacts/:contactId/erase',
    component: ErasurePage,
    canMatch: [segmentIs(1, 'uuid'), segmentIs(3, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Erase contact',
  },
  // Offering a provider that moved area to another LSP: LSP admins (the API's lsp.transfers.manage).
  {
    path: 'providers/:providerId/move',
    component: MoveProviderPage,
    canMatch: [segmentIs(1, 'uuid')],
    canActivate: [tenantRoleGuard('admin')],
    title: 'Move to another LSP',
  },
  { path: 'transfers', component: TransfersPage, title: 'Transfers between LSPs' },
  { path: 'tasks', component: MyTasksPage, title: 'My tasks' },
  // Where the portal and the DSPT status list disagree: every member reads it, advisers resolve.
  { path: 'reconciliation', component: ReconciliationPage, title: 'Reconciliation' },
  // Registered locations in the LSP's local authorities and who supports them; the outreach list.
  { path: 'coverage', component: CoveragePage, title: 'Coverage' },
  // Importing changes the caseload: advisers and admins (the API's caseload.write).
  {
    path: 'import',
    component: ProviderImportPage,
    canActivate: [tenantRoleGuard('adviser')],
    title: 'Import providers',
  },
];
