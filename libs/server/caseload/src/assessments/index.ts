export * from './assessment-recalculator';
export * from './assessment.service';
export * from './assessments.module';
export * from './cycles.service';
export { publicationNeighbours, PublicationsService } from './publications.service';
