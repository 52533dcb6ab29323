import type { QueueRoundTrip } from '@dspt/contracts';
import { integrationEnv, type RunningProcess, startWorkerProcess } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApi } from './testing/start-test-api';

describe('POST /api/system/queue-check', () => {
  const env = integrationEnv();
  let app: NestExpressApplication;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    app = await startTestApi(env);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
  });

  it('is answered by a separate worker process through Redis', async () => {
    worker = await startWorkerProcess(env);

    const response = await request(app.getHttpServer()).post('/api/system/queue-check').expect(200);
    const roundTrip = response.body as QueueRoundTrip;

    expect(roundTrip.processedBy.pid).toBe(worker.child.pid);
    expect(roundTrip.processedBy.pid).not.toBe(process.pid);
    expect(roundTrip.jobId).toBeTruthy();
  });

  it('answers 503 with a clear message when no worker is running', async () => {
    await worker?.stop();
    const response = await request(app.getHttpServer()).post('/api/system/queue-check').expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(response.body.message).toMatch(/is the worker running/);
  }, 20_000);
});
