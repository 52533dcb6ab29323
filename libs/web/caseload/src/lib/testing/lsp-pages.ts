import { provideHttpClient } from '@angular/common/http';
import { provideLocationMocks } from '@angular/common/testing';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { AuthService } from '@dspt/web/auth';
import { caseloadRoutes } from '../caseload.routes';

export const SLUG = 'north';
export const ME = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Jo Adviser' };

/** Test data: the signed-in user, with this role in the LSP `north`. */
export function userWithRole(role: TenantRole): CurrentUser {
  return {
    user: { id: ME.id, email: 'jo@example.org', displayName: ME.displayName, mfaEnrolled: true },
    memberships: [{ tenant: { id: 't-north', slug: SLUG, name: 'North Care Alliance', region: 'North East' }, role }],
    roles: [],
  };
}

/** Where the app's role guards send a user who may not see a page. */
@Component({ template: '<h1>You do not have access</h1>' })
class AccessDeniedPage {}

/**
 * The caseload's pages as the app routes them (`/lsp/:slug/...`, query parameters and all), for a user
 * with `role`, the API answered by the tests. Waits use timers, not `whenStable`, which would wait for
 * the requests the tests are about to answer.
 */
export class LspPages {
  readonly http: HttpTestingController;
  private harness?: RouterTestingHarness;
  private fakeTimers = false;

  constructor(role: TenantRole) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'lsp/:slug', children: caseloadRoutes },
            { path: 'access-denied', component: AccessDeniedPage },
          ],
          withComponentInputBinding(),
        ),
        // Back and forward at once, as in a browser's history.
        provideLocationMocks(),
        { provide: AuthService, useValue: { currentUser: signal(userWithRole(role)), load: () => Promise.resolve(userWithRole(role)) } },
      ],
    });
    this.http = TestBed.inject(HttpTestingController);
  }

  get element(): HTMLElement {
    const element = this.harness?.routeNativeElement;
    if (!element) {
      throw new Error('Open a page first');
    }
    return element;
  }

  get url(): string {
    return TestBed.inject(Router).url;
  }

  async open(url: string): Promise<void> {
    this.harness = await RouterTestingHarness.create();
    // What the app's first navigation does: Back and forward then navigate.
    TestBed.inject(Router).setUpLocationChangeListener();
    document.body.appendChild(this.harness.fixture.nativeElement);
    void this.harness.navigateByUrl(url);
    await this.settle();
  }

  /** Goes to another address of the app, as a link would. */
  async navigate(url: string): Promise<void> {
    void TestBed.inject(Router).navigateByUrl(url);
    await this.settle();
  }

  async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      if (this.fakeTimers) {
        await jest.advanceTimersByTimeAsync(0);
      } else {
        await new Promise((resolve) => setTimeout(resolve));
      }
      TestBed.tick();
    }
  }

  /** Jest's fake timers from now on, for pages that wait (polling): move time on with `wait`. */
  useFakeTimers(): void {
    jest.useFakeTimers();
    this.fakeTimers = true;
  }

  /** With fake timers: lets `ms` pass, then settles. */
  async wait(ms: number): Promise<void> {
    await jest.advanceTimersByTimeAsync(ms);
    await this.settle();
  }

  /** The one request to `url` (the query string left out), answered with `body`. */
  async answer(method: string, url: string, body: object | null): Promise<TestRequest> {
    const request = this.http.expectOne((candidate) => candidate.method === method && candidate.url === url);
    request.flush(body);
    await this.settle();
    return request;
  }

  /** Answers every open request to `url`, if there is any (for lists a page loads alongside the one under test). */
  async answerAny(method: string, url: string, body: object | null): Promise<void> {
    for (const request of this.http.match((candidate) => candidate.method === method && candidate.url === url)) {
      request.flush(body);
    }
    await this.settle();
  }

  /** The API refuses the one request to `url`. */
  async refuse(method: string, url: string, status: number, message: string): Promise<void> {
    this.http
      .expectOne((candidate) => candidate.method === method && candidate.url === url)
      .flush({ statusCode: status, error: 'Refused', message }, { status, statusText: 'Refused' });
    await this.settle();
  }

  text(selector: string): string | undefined {
    return this.element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  }

  texts(selector: string): string[] {
    return [...this.element.querySelectorAll(selector)].map((found) => found.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** The text of each child of each element matching `selector`: a table's cells by row, say. */
  cells(selector: string): string[][] {
    return [...this.element.querySelectorAll(selector)].map((row) =>
      [...row.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  button(label: string): HTMLButtonElement {
    const found = [...this.element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === label,
    );
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  async click(label: string): Promise<void> {
    const target = this.button(label);
    target.focus();
    target.click();
    await this.settle();
  }

  /** Sets a control's value as a user would: typing, choosing, ticking (true) or picking a radio (true). */
  async set(id: string, value: string | boolean): Promise<void> {
    const control = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
    if (!control || !this.element.contains(control)) {
      throw new Error(`No control #${id}`);
    }
    if (typeof value === 'boolean') {
      (control as HTMLInputElement).checked = value;
    } else {
      control.value = value;
    }
    control.dispatchEvent(new Event('input'));
    control.dispatchEvent(new Event('change'));
    await this.settle();
  }

  /** Chooses `file` in the file input with this id, as a user would. */
  async choose(id: string, file: File): Promise<void> {
    const input = document.getElementById(id) as HTMLInputElement | null;
    if (!input || input.type !== 'file' || !this.element.contains(input)) {
      throw new Error(`No file input #${id}`);
    }
    // A file input's files cannot be set from script; a browser sets them when the user chooses.
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    Object.defineProperty(input, 'value', { value: `C:\\fakepath\\${file.name}`, configurable: true, writable: true });
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await this.settle();
  }

  /** Submits the form with this test id. */
  async submit(testId: string): Promise<void> {
    const form = this.element.querySelector<HTMLFormElement>(`[data-testid="${testId}"]`);
    if (!form) {
      throw new Error(`No form ${testId}`);
    }
    form.requestSubmit();
    await this.settle();
  }

  close(): void {
    if (this.fakeTimers) {
      jest.useRealTimers();
    }
    this.http.verify();
    this.harness?.fixture.nativeElement.remove();
  }
}
