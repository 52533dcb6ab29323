import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { HealthResponse } from '@dspt/contracts';
import { StatusPage } from './status-page';

const REDIS_DOWN: HealthResponse = {
  status: 'error',
  info: { database: { status: 'up' }, worker: { status: 'up' } },
  error: { redis: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:6379' } },
  details: {
    database: { status: 'up' },
    redis: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:6379' },
    worker: { status: 'up' },
  },
};

describe('StatusPage', () => {
  let fixture: ComponentFixture<StatusPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T14:05:09Z') });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StatusPage);
    fixture.detectChanges();
    jest.advanceTimersByTime(0);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  function text(selector: string): string {
    const element: HTMLElement | null = fixture.nativeElement.querySelector(selector);
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function row(component: string): { label: string; state: string; message: string } {
    const selector = `[data-testid="health-${component}"]`;
    return {
      label: text(`${selector} dt`),
      state: text(`${selector} .nhsuk-tag`),
      message: text(`${selector} dd p`),
    };
  }

  it('has a single h1 naming the page', () => {
    const headings = fixture.nativeElement.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(headings[0].textContent).toContain('Service status');
    http.expectOne('/api/health').flush(REDIS_DOWN, { status: 503, statusText: 'Service Unavailable' });
  });

  it('shows a row per component with Up or Down, and why it is down', () => {
    http.expectOne('/api/health').flush(REDIS_DOWN, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();

    expect(row('database')).toEqual({ label: 'Database (PostgreSQL)', state: 'Up', message: '' });
    expect(row('redis')).toEqual({
      label: 'Queue and sessions (Redis)',
      state: 'Down',
      message: 'connect ECONNREFUSED 127.0.0.1:6379',
    });
    expect(row('worker')).toEqual({ label: 'Background worker', state: 'Up', message: '' });
    expect(fixture.nativeElement.querySelector('[data-testid="health-redis"] .nhsuk-tag--red')).not.toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid="health-worker"] .nhsuk-tag--green')).not.toBeNull();
    expect(text('[data-testid="health-overall"]')).toBe('Overall status: One or more services are down');
    expect(text('[data-testid="health-checked-at"]')).toBe('Last checked 2:05pm');
  });

  it('says the API cannot be reached when there is no answer', () => {
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();

    expect(text('[data-testid="health-unreachable"]')).toContain('The portal API cannot be reached');
    expect(fixture.nativeElement.querySelector('[data-testid="health-database"]')).toBeNull();
  });

  it('checks again when the user asks', () => {
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();

    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.textContent?.trim()).toBe('Check again');
    button.click();
    jest.advanceTimersByTime(0);
    http.expectOne('/api/health').flush(REDIS_DOWN, { status: 503, statusText: 'Service Unavailable' });
    fixture.detectChanges();

    expect(fixture.nativeElement.querySelector('[data-testid="health-unreachable"]')).toBeNull();
    expect(row('database').state).toBe('Up');
  });
});
