import { CreateTenantsUsersMemberships1764000000000 } from './1764000000000-create-tenants-users-memberships';
import { CreateAssessmentCyclesQuestions1764000000001 } from './1764000000001-create-assessment-cycles-questions';

/** Every migration in order. Listed explicitly so the bundled apps need no file globbing. */
export const MIGRATIONS = [CreateTenantsUsersMemberships1764000000000, CreateAssessmentCyclesQuestions1764000000001];
