import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { preloadFirstPage } from './app/preload-first-page';

preloadFirstPage(location.pathname);
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
