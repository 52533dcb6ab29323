import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { HealthResponse } from '@dspt/contracts';
import { HEALTH_POLL_INTERVAL_MS, HealthService } from './health.service';

const NOW = new Date(2026, 2, 2, 9, 15, 30);

const ALL_UP: HealthResponse = {
  status: 'ok',
  info: { database: { status: 'up' }, redis: { status: 'up' }, worker: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' }, redis: { status: 'up' }, worker: { status: 'up' } },
};

const WORKER_DOWN: HealthResponse = {
  status: 'error',
  info: { database: { status: 'up' }, redis: { status: 'up' } },
  error: { worker: { status: 'down', message: 'No heartbeat for 45 seconds' } },
  details: {
    database: { status: 'up' },
    redis: { status: 'up' },
    worker: { status: 'down', message: 'No heartbeat for 45 seconds' },
  },
};

describe('HealthService', () => {
  let service: HealthService;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    TestBed.configureTestingModule({
      providers: [HealthService, provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(HealthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  function answerNextCheck(body: object | string, init?: { status: number; statusText: string }): void {
    jest.advanceTimersByTime(0);
    http.expectOne({ method: 'GET', url: '/api/health' }).flush(body, init);
  }

  it('is checking until the first answer arrives', () => {
    expect(service.health()).toEqual({ state: 'checking' });
    answerNextCheck(ALL_UP);
  });

  it('reports every component up from a 200 answer', () => {
    answerNextCheck(ALL_UP);

    expect(service.health()).toEqual({
      state: 'reported',
      overall: 'ok',
      checkedAt: NOW,
      components: [
        { component: 'database', label: 'Database (PostgreSQL)', up: true, message: undefined },
        { component: 'redis', label: 'Queue and sessions (Redis)', up: true, message: undefined },
        { component: 'worker', label: 'Background worker', up: true, message: undefined },
      ],
    });
  });

  it('reads the report in the body of a 503 answer', () => {
    answerNextCheck(WORKER_DOWN, { status: 503, statusText: 'Service Unavailable' });

    const health = service.health();
    expect(health).toMatchObject({ state: 'reported', overall: 'error' });
    expect(health.state === 'reported' && health.components).toEqual([
      expect.objectContaining({ component: 'database', up: true }),
      expect.objectContaining({ component: 'redis', up: true }),
      expect.objectContaining({ component: 'worker', up: false, message: 'No heartbeat for 45 seconds' }),
    ]);
  });

  it('reports a component the API left out as down', () => {
    answerNextCheck({ ...ALL_UP, details: { database: { status: 'up' }, redis: { status: 'up' } } });

    const health = service.health();
    expect(health.state === 'reported' && health.components[2]).toEqual(
      expect.objectContaining({ component: 'worker', up: false }),
    );
  });

  it('reports the API unreachable when the request fails on the network', () => {
    jest.advanceTimersByTime(0);
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

    expect(service.health()).toEqual({ state: 'unreachable', checkedAt: NOW });
  });

  it('reports the API unreachable when a proxy answers instead of the API', () => {
    answerNextCheck('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    expect(service.health()).toEqual({ state: 'unreachable', checkedAt: NOW });
  });

  it('reports the API unreachable when it does not answer in time', () => {
    jest.advanceTimersByTime(0);
    const request = http.expectOne('/api/health');
    jest.advanceTimersByTime(8_000);

    expect(request.cancelled).toBe(true);
    expect(service.health()).toMatchObject({ state: 'unreachable' });
  });

  it('checks again every 10 seconds', () => {
    answerNextCheck(ALL_UP);

    jest.advanceTimersByTime(HEALTH_POLL_INTERVAL_MS - 1);
    http.expectNone('/api/health');
    jest.advanceTimersByTime(1);
    http.expectOne('/api/health').flush(WORKER_DOWN, { status: 503, statusText: 'Service Unavailable' });

    expect(service.health()).toMatchObject({ state: 'reported', overall: 'error' });
  });

  it('checks at once when asked, and restarts the 10 second cycle from then', () => {
    answerNextCheck(ALL_UP);
    jest.advanceTimersByTime(4_000);

    service.checkNow();
    answerNextCheck(WORKER_DOWN, { status: 503, statusText: 'Service Unavailable' });
    expect(service.health()).toMatchObject({ state: 'reported', overall: 'error' });

    jest.advanceTimersByTime(HEALTH_POLL_INTERVAL_MS - 1);
    http.expectNone('/api/health');
    jest.advanceTimersByTime(1);
    http.expectOne('/api/health').flush(ALL_UP);
  });
});
