export * from './lib/assessment-recalculator';
export * from './lib/assessment.service';
export * from './lib/assessments.module';
export * from './lib/cycles.service';
export * from './lib/provider-lookup';
export { publicationNeighbours, PublicationsService } from './lib/publications.service';
