import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { globalRoleGrants } from '@dspt/domain';
import { AuthModule, SessionStore, UserDirectory } from '@dspt/server/auth';
import { SESSION_COOKIE } from '@dspt/server/http';
import { QueueModule, QUEUES } from '@dspt/server/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { Logger, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';

/** Where the queue dashboard lives: outside /api, so it is not part of the API or its OpenAPI document. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

function refuse(response: Response, statusCode: 401 | 403, message: string): void {
  response.status(statusCode).json({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
}

/**
 * Bull Board (every queue: jobs, retries, failures) at /admin/queues, for system admins only. The check is
 * the access guard's: the session cookie, a fully signed-in session, and a global role granting
 * `system.operate`. It runs before every request to the dashboard, its pages and its API alike; anyone else
 * gets 401 or 403 and never reaches Bull Board. Bull Board's own POSTs (retry, clean) need that same
 * session cookie, which is SameSite=Lax, so another site cannot make them.
 */
@Module({ imports: [QueueModule, AuthModule] })
export class QueueDashboardModule implements NestModule {
  private readonly logger = new Logger(QueueDashboardModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly sessions: SessionStore,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Mounted straight on Express while Nest registers middleware: before the web app's catch-all route, and
   * outside the /api prefix that Nest's own middleware routes would get.
   */
  configure(_consumer: MiddlewareConsumer): void {
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map(
        (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
      ),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'DSPT portal queues' } },
    });
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    app.use(QUEUE_DASHBOARD_PATH, this.systemAdminsOnly(), board.getRouter() as RequestHandler);
  }

  private systemAdminsOnly(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      void (async () => {
        const session = await this.sessions.find(request.cookies?.[SESSION_COOKIE] as string | undefined);
        if (!session || session.data.stage !== 'active') {
          refuse(response, 401, 'Sign in as a system admin to see the queues');
          return;
        }
        const access = await this.users.findSignedInUser(session.data.userId);
        if (!access || !globalRoleGrants(access.user.globalRole, 'system.operate')) {
          refuse(response, 403, 'The queue dashboard is for system admins');
          return;
        }
        next();
      })().catch((error: Error) => {
        this.logger.error(`Queue dashboard check failed: ${error.message}`);
        response
          .status(503)
          .json({ statusCode: 503, error: 'Service Unavailable', message: 'The queue dashboard is unavailable' });
      });
    };
  }
}
