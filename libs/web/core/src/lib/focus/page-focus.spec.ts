import { provideLocationMocks } from '@angular/common/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { PageFocus } from './page-focus';

@Component({ template: '<h1>Sign in</h1><button type="button">Continue</button>' })
class SignInPage {}

@Component({ template: '<h1>Caseload</h1><button type="button" id="sort">Sort</button>' })
class CaseloadPage {}

@Component({
  imports: [RouterOutlet],
  template: '<a href="/x">Home</a><main id="maincontent"><router-outlet /></main>',
})
class Shell {}

describe('PageFocus', () => {
  let fixture: ComponentFixture<Shell>;
  let router: Router;

  async function go(url: string): Promise<void> {
    await router.navigateByUrl(url);
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: SignInPage },
          { path: 'caseload', component: CaseloadPage },
        ]),
        provideLocationMocks(),
      ],
    });
    fixture = TestBed.createComponent(Shell);
    document.body.appendChild(fixture.nativeElement);
    router = TestBed.inject(Router);
    TestBed.inject(PageFocus).start();
  });

  afterEach(() => fixture.nativeElement.remove());

  it('leaves the first page of a visit alone, then puts focus on each new page heading', async () => {
    await go('/sign-in');
    expect(document.activeElement).toBe(document.body);

    // Signing in: the button that was pressed has gone with its page.
    fixture.nativeElement.querySelector('button').focus();
    await go('/caseload');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.textContent).toBe('Caseload');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');

    // Going back.
    await go('/sign-in');
    expect(document.activeElement?.textContent).toBe('Sign in');
  });

  it('leaves focus where it is when only the query changes (sorting, filters, paging)', async () => {
    await go('/sign-in');
    await go('/caseload');
    const sort = fixture.nativeElement.querySelector('#sort') as HTMLButtonElement;
    sort.focus();

    await go('/caseload?sort=name');

    expect(document.activeElement).toBe(sort);
  });
});
