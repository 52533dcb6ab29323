import type { QueueRoundTrip } from '@dspt/contracts';
import { ApiClient, type Fixtures, type RunningProcess, startWorkerProcess } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { useTestApi } from '../testing/use-test-api';

describe('POST /api/system/queue-check', () => {
  const api = useTestApi();
  let app: NestExpressApplication;
  let worker: RunningProcess | undefined;
  let fixtures: Fixtures;
  let systemAdmin: ApiClient;

  beforeAll(async () => {
    ({ app, fixtures } = api);
    const admin = await fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    systemAdmin = await new ApiClient(app).signIn(admin.email, admin.password, admin.totpSecret);
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('is for system admins only', async () => {
    await request(app.getHttpServer()).post('/api/system/queue-check').expect(403); // no XSRF token
    const anonymous = new ApiClient(app);
    expect((await anonymous.post('/api/system/queue-check')).status).toBe(401);
    const tenant = await fixtures.tenant();
    const lspAdmin = await fixtures.member(tenant, 'admin', { mfa: true });
    const signedIn = await new ApiClient(app).signIn(lspAdmin.email, lspAdmin.password, lspAdmin.totpSecret);
    expect((await signedIn.post('/api/system/queue-check')).status).toBe(403);
  });

  it('is answered by a separate worker process through Redis', async () => {
    worker = await startWorkerProcess(api.env);

    const response = await systemAdmin.post('/api/system/queue-check');
    expect(response.status).toBe(200);
    const roundTrip = response.body as QueueRoundTrip;

    expect(roundTrip.processedBy.pid).toBe(worker.child.pid);
    expect(roundTrip.processedBy.pid).not.toBe(process.pid);
    expect(roundTrip.jobId).toBeTruthy();
  });

  it('answers 503 with a clear message when no worker is running', async () => {
    await worker?.stop();
    const response = await systemAdmin.post('/api/system/queue-check');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(response.body.message).toMatch(/is the worker running/);
  }, 20_000);
});
