import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { globalRoleGrants } from '@dspt/domain';
import { AuthModule, SessionCookie, SessionStore, UserDirectory, XSRF_COOKIE, XsrfMiddleware } from '../auth';
import { noStore, QueueModule, QUEUES } from '@dspt/server/platform';
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
 * gets 401 or 403 and never reaches Bull Board. Bull Board's own writes (retry, clean, pause, remove) pass
 * the same XSRF check as the API's first: its axios client echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN.
 * Where the portal's own XSRF cookie is named `__Host-XSRF-TOKEN` (production), the dashboard's pages also
 * get the same session-bound value as a plain `XSRF-TOKEN` cookie for their path only, for axios to read.
 */
@Module({ imports: [QueueModule, AuthModule] })
export class QueueDashboardModule implements NestModule {
  private readonly logger = new Logger(QueueDashboardModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly sessions: SessionStore,
    private readonly users: UserDirectory,
    private readonly cookie: SessionCookie,
    private readonly xsrf: XsrfMiddleware,
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
    // Its pages and JSON show jobs' data (the address typed for a password reset, say): no cache may keep them.
    app.use(
      QUEUE_DASHBOARD_PATH,
      noStore,
      this.xsrfChecked(),
      this.systemAdminsOnly(),
      board.getRouter() as RequestHandler,
    );
  }

  private xsrfChecked(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const refusal = this.xsrf.check(request, response);
      if (refusal) {
        refuse(response, 403, refusal);
        return;
      }
      if (this.cookie.names.xsrf !== XSRF_COOKIE) {
        this.cookie.writeXsrf(response, response.locals['xsrfToken'] as string, {
          name: XSRF_COOKIE,
          path: QUEUE_DASHBOARD_PATH,
          sameSite: 'strict',
        });
      }
      next();
    };
  }

  private systemAdminsOnly(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      void (async () => {
        const session = await this.sessions.find(this.cookie.read(request));
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
