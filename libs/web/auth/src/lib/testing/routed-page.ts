import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

/** Where a page under test sends the user: any address but its own. */
@Component({ template: '<h1>Elsewhere</h1>' })
export class OtherPage {}

/** A page under test, opened through the router; see `useRoutedPage`. */
export interface RoutedPageUnderTest {
  /** Answers the page's HTTP requests; every test ends by checking none is left unanswered. */
  readonly http: HttpTestingController;
  /** The routed page's element (once opened). */
  readonly element: HTMLElement;
  /** Starts navigating to `url`, attached to the document so that tests can check focus. */
  open(url: string): Promise<void>;
  /** Lets answered requests, and the renders they cause, finish. */
  settle(): Promise<void>;
  /** The text of the first element matching `selector`, with white space collapsed. */
  text(selector: string): string | undefined;
  /** Types `value` into the control with this id, as a user would (the form takes it in on `input`). */
  type(id: string, value: string): void;
}

/**
 * For the tests of a describe block: `component` routed at `path` as the app routes it (query parameters
 * as inputs), every other address showing `OtherPage`, and HTTP answered by the tests.
 */
export function useRoutedPage(path: string, component: Type<unknown>): RoutedPageUnderTest {
  let http: HttpTestingController | undefined;
  let harness: RouterTestingHarness | undefined;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path, component },
            { path: '**', component: OtherPage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http?.verify();
    harness?.fixture.nativeElement.remove();
    harness = undefined;
  });

  const opened = () => {
    if (!harness?.routeNativeElement) {
      throw new Error('Open the page first');
    }
    return { harness, element: harness.routeNativeElement };
  };
  const element = () => opened().element;
  return {
    get http() {
      if (!http) {
        throw new Error('The HTTP testing controller is there only during a test');
      }
      return http;
    },
    get element() {
      return element();
    },
    async open(url) {
      harness = await RouterTestingHarness.create();
      document.body.appendChild(harness.fixture.nativeElement);
      await harness.navigateByUrl(url, component);
    },
    async settle() {
      await new Promise((resolve) => setTimeout(resolve));
      await opened().harness.fixture.whenStable();
    },
    text: (selector) => element().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim(),
    type(id, value) {
      const input = element().querySelector<HTMLInputElement>(`#${id}`);
      if (!input) {
        throw new Error(`No control #${id}`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input'));
    },
  };
}
