import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { PortalXsrfTokenExtractor } from './portal-xsrf-token-extractor';

describe('PortalXsrfTokenExtractor', () => {
  function tokenFrom(cookie: string): string | null {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [PortalXsrfTokenExtractor, { provide: DOCUMENT, useValue: { cookie } }],
    });
    return TestBed.inject(PortalXsrfTokenExtractor).getToken();
  }

  it.each([
    ['', null],
    ['XSRF-TOKEN=dev.token', 'dev.token'],
    ['other=1; __Host-XSRF-TOKEN=prod.token', 'prod.token'],
    ['XSRF-TOKEN=path.scoped; __Host-XSRF-TOKEN=prod.token', 'prod.token'],
    ['MY-XSRF-TOKEN=not.this', null],
  ])('reads %j as %j', (cookie, expected) => {
    expect(tokenFrom(cookie)).toBe(expected);
  });
});
