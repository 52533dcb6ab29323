import type { Routes } from '@angular/router';
import { tenantRoleGuard } from '@dspt/web/auth';
import { CaseloadPage } from './caseload/caseload-page';
import { MyTasksPage } from './casework/my-tasks-page';
import { ProviderImportPage } from './import/provider-import-page';
import { ProviderPage } from './provider/provider-page';

/**
 * The LSP's caseload pages, under `/lsp/:slug` (whose guard lets in its members): the caseload is the
 * LSP's home; importing providers is for its advisers and admins. Loaded lazily with the first of them.
 */
export const caseloadRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'caseload' },
  { path: 'caseload', component: CaseloadPage, title: 'Caseload' },
  // The title becomes the provider's name once it has loaded.
  { path: 'providers/:providerId', component: ProviderPage, title: 'Provider' },
  { path: 'tasks', component: MyTasksPage, title: 'My tasks' },
  // Importing changes the caseload: advisers and admins (the API's caseload.write).
  { path: 'import', component: ProviderImportPage, canActivate: [tenantRoleGuard('adviser')], title: 'Import providers' },
];
