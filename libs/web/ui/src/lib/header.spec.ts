import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Header } from './header';

@Component({ template: '' })
class Blank {}

describe('Header', () => {
  it('links the NHS logo and service name to the home page as one link', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Header);
    fixture.componentRef.setInput('serviceName', 'DSPT Support Portal');
    await fixture.whenStable();

    const links: NodeListOf<HTMLAnchorElement> = fixture.nativeElement.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/');
    expect(links[0].getAttribute('aria-label')).toBe('NHS DSPT Support Portal homepage');
    expect(links[0].querySelector('.nhsuk-header__service-name')?.textContent).toBe('DSPT Support Portal');
    expect(fixture.nativeElement.querySelector('.nhsuk-header__account')).toBeNull();
    expect(fixture.nativeElement.querySelector('.nhsuk-header__navigation')).toBeNull();
  });

  it('shows the signed-in user, their account links and a sign-out button', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Header);
    fixture.componentRef.setInput('serviceName', 'DSPT Support Portal');
    fixture.componentRef.setInput('userName', 'Ada Lovelace');
    fixture.componentRef.setInput('accountLinks', [{ text: 'Set up two-factor authentication', path: '/account/mfa' }]);
    const signOut = jest.fn();
    fixture.componentInstance.signOut.subscribe(signOut);
    await fixture.whenStable();

    const account: HTMLElement = fixture.nativeElement.querySelector('nav.nhsuk-header__account');
    expect(account.getAttribute('aria-label')).toBe('Account');
    expect(account.querySelector('[data-testid="user-name"]')?.textContent?.trim()).toBe('Signed in as Ada Lovelace');
    expect(account.querySelector('a')?.getAttribute('href')).toBe('/account/mfa');
    account.querySelector<HTMLButtonElement>('button')!.click();
    expect(signOut).toHaveBeenCalledTimes(1);
  });

  it('marks the navigation link of the current page', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }])],
    });
    const harness = await RouterTestingHarness.create('/lsp/north/users');
    const fixture = TestBed.createComponent(Header);
    fixture.componentRef.setInput('serviceName', 'DSPT Support Portal');
    fixture.componentRef.setInput('navigation', [
      { text: 'Overview', path: '/lsp/north', exact: true },
      { text: 'Users', path: '/lsp/north/users' },
    ]);
    await fixture.whenStable();
    await harness.fixture.whenStable();

    const items = [...fixture.nativeElement.querySelectorAll('.nhsuk-header__navigation-item')] as HTMLElement[];
    expect(items.map((item) => item.textContent?.trim())).toEqual(['Overview', 'Users']);
    expect(items[0].classList).not.toContain('nhsuk-header__navigation-item--current');
    expect(items[1].classList).toContain('nhsuk-header__navigation-item--current');
    expect(items[1].querySelector('a')?.getAttribute('aria-current')).toBe('page');
    expect(items[1].querySelector('strong')?.textContent).toBe('Users');
  });

  it("marks a hub's link, as the section, on a page the hub links to, and follows the user's navigation", async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: Blank }])] });
    const harness = await RouterTestingHarness.create('/lsp/north/manage');
    const fixture = TestBed.createComponent(Header);
    fixture.componentRef.setInput('serviceName', 'DSPT Support Portal');
    fixture.componentRef.setInput('navigation', [
      { text: 'Caseload', path: '/lsp/north/caseload', section: ['/lsp/north/providers'] },
      { text: 'Manage LSP', path: '/lsp/north/manage', section: ['/lsp/north/users', '/lsp/north/import'] },
    ]);
    const marks = async (url: string) => {
      await harness.navigateByUrl(url);
      await fixture.whenStable();
      return [...fixture.nativeElement.querySelectorAll('.nhsuk-header__navigation-link')].map((link: Element) =>
        link.getAttribute('aria-current'),
      );
    };

    expect(await marks('/lsp/north/manage')).toEqual([null, 'page']);
    expect(await marks('/lsp/north/users?page=2#members')).toEqual([null, 'true']);
    expect(await marks('/lsp/north/providers/p-1/edit')).toEqual(['true', null]);
    expect(await marks('/lsp/north/caseload')).toEqual(['page', null]);
    expect(await marks('/lsp/north/users-elsewhere')).toEqual([null, null]);
  });

  it('links a page the server serves itself (the queue dashboard) with a plain href, outside the router', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: Blank }])] });
    const harness = await RouterTestingHarness.create('/admin/tenants');
    const fixture = TestBed.createComponent(Header);
    fixture.componentRef.setInput('serviceName', 'DSPT Support Portal');
    fixture.componentRef.setInput('navigation', [
      { text: 'LSPs', path: '/admin/tenants' },
      { text: 'Queues', path: '/admin/queues', external: true },
    ]);
    await fixture.whenStable();
    await harness.fixture.whenStable();

    const links = [...fixture.nativeElement.querySelectorAll('.nhsuk-header__navigation-link')] as HTMLAnchorElement[];
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['LSPs', '/admin/tenants'],
      ['Queues', '/admin/queues'],
    ]);
    // Following it loads the page from the server: the router does not handle it.
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    links[1].dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(navigate).not.toHaveBeenCalled();
  });
});
