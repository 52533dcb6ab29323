import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, type Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { AuthService } from '@dspt/web/auth';
import { fillInDialogMethods } from './dialog-methods';

export const SLUG = 'north';
export const LSP_NAME = 'North Care Alliance';

/** Test data: a signed-in user with this role in the LSP `north`. */
export function memberWithRole(role: TenantRole): CurrentUser {
  return {
    user: { id: 'u-jo', email: 'jo@example.org', displayName: 'Jo Adviser', mfaEnrolled: true },
    memberships: [{ tenant: { id: 't-north', slug: SLUG, name: LSP_NAME, region: 'North East' }, role }],
    roles: [],
  };
}

/** Test data: a system admin (no LSP). */
export const SYSTEM_ADMIN: CurrentUser = {
  user: { id: 'u-admin', email: 'admin@example.org', displayName: 'Ada Admin', mfaEnrolled: true },
  memberships: [],
  roles: ['system_admin'],
};

@Component({ template: '<h1>Elsewhere</h1>' })
class OtherPage {}

/**
 * Pages routed as the app routes them (route and query parameters as inputs), for a signed-in user (or
 * nobody), the API answered by the tests. Waits use timers, not `whenStable`, which would wait for the
 * requests the tests are about to answer. jsdom's missing `<dialog>` methods are filled in.
 */
export class ReminderPages {
  readonly http: HttpTestingController;
  private harness?: RouterTestingHarness;
  private fakeTimers = false;

  constructor(user: CurrentUser | null, routes: Routes) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([...routes, { path: '**', component: OtherPage }], withComponentInputBinding()),
        { provide: AuthService, useValue: { currentUser: signal(user), load: () => Promise.resolve(user) } },
      ],
    });
    this.http = TestBed.inject(HttpTestingController);
    fillInDialogMethods();
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
    document.body.appendChild(this.harness.fixture.nativeElement);
    void this.harness.navigateByUrl(url);
    await this.settle();
  }

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

  /** The API refuses the one request to `url`, perhaps naming fields in `details`. */
  async refuse(
    method: string,
    url: string,
    status: number,
    message: string,
    details?: { field: string; message: string }[],
  ): Promise<TestRequest> {
    const request = this.http.expectOne((candidate) => candidate.method === method && candidate.url === url);
    request.flush({ statusCode: status, error: 'Refused', message, details }, { status, statusText: 'Refused' });
    await this.settle();
    return request;
  }

  /** The text of the first element matching `selector`, white space collapsed (a line break counts as a space). */
  text(selector: string): string | undefined {
    const found = this.element.querySelector(selector);
    return found ? visibleText(found) : undefined;
  }

  texts(selector: string): string[] {
    return [...this.element.querySelectorAll(selector)].map(visibleText);
  }

  /** The text of each child of each element matching `selector`: a table's cells by row. */
  cells(selector: string): string[][] {
    return [...this.element.querySelectorAll(selector)].map((row) => [...row.children].map(visibleText));
  }

  /** The error message shown on the control with this id (its form group's). */
  fieldError(id: string): string | undefined {
    return this.element
      .querySelector(`#${id}-error`)
      ?.textContent?.replace(/\s+/g, ' ')
      .replace(/^Error: /, '')
      .trim();
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

  /** Presses a button as a keyboard user does: focus is on it when it acts. */
  async click(label: string): Promise<void> {
    const target = this.button(label);
    target.focus();
    target.click();
    await this.settle();
  }

  /** Sets a control's value as a user would: typing, choosing, or picking a radio (true). */
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

  close(): void {
    if (this.fakeTimers) {
      jest.useRealTimers();
    }
    this.http.verify();
    this.harness?.fixture.nativeElement.remove();
  }
}

/** An element's text as read on screen: white space collapsed, a line break (`<br>`) a space. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('br').forEach((lineBreak) => lineBreak.replaceWith(' '));
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
