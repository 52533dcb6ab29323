import { NotFound } from '@dspt/domain';
import type { ProviderPageView } from '@dspt/contracts';
import {
  AssessmentService,
  PublicationsService,
  CaseNotesService,
  TasksService,
  findProviderOrFail,
  ProviderReader,
  readOnlyWithProvider,
  TransferRequestsService,
} from '@dspt/server/caseload';
import { EmailRequestsService } from '@dspt/server/reminders';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';

/** Once the provider is found, a 404 from its assessment means the current cycle is not loaded yet. */
function noCycleYet(error: unknown): null {
  if (error instanceof NotFound) {
    return null;
  }
  throw error;
}

/**
 * What a provider's page shows when it opens, in one transaction in the request's LSP (row-level security
 * on), read by the services behind each part's own endpoint, so each part is exactly what that endpoint
 * answers.
 */
@Injectable()
export class ProviderPageService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly providers: ProviderReader,
    private readonly assessments: AssessmentService,
    private readonly publications: PublicationsService,
    private readonly notes: CaseNotesService,
    private readonly tasks: TasksService,
    private readonly transfers: TransferRequestsService,
    private readonly emails: EmailRequestsService,
  ) {}

  read(providerId: string): Promise<ProviderPageView> {
    return this.database.inCurrentTenant(async (manager) => {
      // First: an unknown id, or another LSP's provider, is a 404 before anything else is read. Found
      // once, for every part: this transaction only reads.
      readOnlyWithProvider(manager, await findProviderOrFail(manager, providerId));
      const provider = await this.providers.detail(manager, providerId);
      const current = await this.assessments.viewWithBlockersIn(manager, providerId).catch(noCycleYet);
      return {
        provider,
        assessment: current?.assessment ?? null,
        blockers: current?.blockers ?? null,
        publications: { items: await this.publications.listIn(manager, providerId) },
        notes: { items: await this.notes.listIn(manager, providerId) },
        tasks: { items: await this.tasks.forProviderIn(manager, providerId) },
        moves: await this.transfers.listIn(manager, { providerId, status: 'accepted' }),
        emails: await this.emails.providerLogIn(manager, providerId),
      };
    });
  }
}
