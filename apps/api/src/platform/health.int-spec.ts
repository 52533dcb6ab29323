import type { HealthResponse } from '@dspt/contracts';
import { integrationEnv, type RunningProcess, startWorkerProcess } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApi } from '../testing/start-test-api';

async function waitForHealth(app: NestExpressApplication, status: number): Promise<HealthResponse> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await request(app.getHttpServer()).get('/api/health');
    if (response.status === status || Date.now() > deadline) {
      expect(response.status).toBe(status);
      return response.body as HealthResponse;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('GET /api/health', () => {
  describe('with PostgreSQL, Redis and a worker process running', () => {
    const env = integrationEnv();
    let app: NestExpressApplication;
    let worker: RunningProcess;

    beforeAll(async () => {
      app = await startTestApi(env);
      worker = await startWorkerProcess(env);
    });

    afterAll(async () => {
      await worker?.stop();
      await app?.close();
    });

    it('answers 200 with database, redis and worker up', async () => {
      const body = await waitForHealth(app, 200);
      expect(body.status).toBe('ok');
      expect(body.details.database?.status).toBe('up');
      expect(body.details.redis?.status).toBe('up');
      expect(body.details.worker).toMatchObject({ status: 'up', workers: 1 });
    });

    it('answers 503 naming the worker once the worker has stopped', async () => {
      await worker.stop();
      const body = await waitForHealth(app, 503);
      expect(body.status).toBe('error');
      expect(Object.keys(body.error ?? {})).toEqual(['worker']);
      expect(body.error?.worker?.message).toMatch(/No worker/);
    });
  });

  describe('with Redis pointed at a closed port', () => {
    let app: NestExpressApplication;

    beforeAll(async () => {
      app = await startTestApi(integrationEnv({ REDIS_URL: 'redis://127.0.0.1:1' }));
    });

    afterAll(async () => {
      await app?.close();
    });

    it('answers 503 naming redis, with the database still up', async () => {
      const body = await waitForHealth(app, 503);
      expect(body.error?.redis).toMatchObject({ status: 'down' });
      expect(body.error?.redis?.message).toMatch(/Redis is unreachable/);
      expect(body.details.database?.status).toBe('up');
    });
  });
});
