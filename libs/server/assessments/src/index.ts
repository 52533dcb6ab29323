export * from './lib/assessment-recalculator';
export * from './lib/assessments.module';
export * from './lib/cycles.service';
export * from './lib/provider-lookup';
