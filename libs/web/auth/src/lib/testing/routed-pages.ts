import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { type EnvironmentProviders, type Provider, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, type Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@dspt/contracts';
import { AuthService } from '../session/auth.service';

/**
 * Pages routed as the app routes them (route and query parameters as inputs), for a signed-in user (or
 * nobody), the API answered by the tests. Waits use timers, not `whenStable`, which would wait for the
 * requests the tests are about to answer. A library's tests extend it with their own routes and test data
 * (`LspPages`, `ReminderPages`); `extraProviders` replace or add services (they come last).
 *
 * The test module is created when a page is first opened (or `http` first read), so a subclass's
 * constructor may still override components (`TestBed.overrideComponent`) after calling this one.
 */
export class RoutedPages {
  private harness?: RouterTestingHarness;
  private fakeTimers = false;

  constructor(user: CurrentUser | null, routes: Routes, extraProviders: (Provider | EnvironmentProviders)[] = []) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(routes, withComponentInputBinding()),
        // Back and forward at once, as in a browser's history.
        provideLocationMocks(),
        { provide: AuthService, useValue: { currentUser: signal(user), load: () => Promise.resolve(user) } },
        ...extraProviders,
      ],
    });
  }

  /** Answers the pages' HTTP requests; `close` checks that none is left unanswered. */
  get http(): HttpTestingController {
    return TestBed.inject(HttpTestingController);
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

  /** Starts at `url`, attached to the document so that tests can check focus. */
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

  /** Lets answered requests, the navigations and the renders they cause, finish. */
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

  /** The text of each child of each element matching `selector`: a table's cells by row, say. */
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

  /** Types a day (2026-03-05) into the day, month and year boxes of the date field with this id. */
  async setDate(id: string, isoDay: string): Promise<void> {
    const [year, month, day] = isoDay.split('-');
    await this.set(`${id}-day`, day);
    await this.set(`${id}-month`, month);
    await this.set(`${id}-year`, year);
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

  /** Ends a test: real timers again, no request left unanswered, the page taken out of the document. */
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
