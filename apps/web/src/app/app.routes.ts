import type { Routes } from '@angular/router';
import { LandingPage } from './landing/landing-page';
import { NotFoundPage } from './not-found/not-found-page';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', component: LandingPage, title: 'DSPT Support Portal' },
  { path: '**', component: NotFoundPage, title: 'Page not found – DSPT Support Portal' },
];
