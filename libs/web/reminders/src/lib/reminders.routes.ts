import type { Routes } from '@angular/router';
import { CampaignStepPage } from './campaigns/campaign-step-page';
import { CampaignsPage } from './campaigns/campaigns-page';

/**
 * An LSP's campaigns, under `/lsp/:slug/campaigns` (whose guard lets in its members): the reminder steps
 * of a cycle, and each step's audience and delivery log. Loaded lazily.
 */
export const campaignRoutes: Routes = [
  { path: '', component: CampaignsPage, title: 'Campaigns' },
  { path: ':offsetDays', component: CampaignStepPage, title: 'Reminder step' },
];
