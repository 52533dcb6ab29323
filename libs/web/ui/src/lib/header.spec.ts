import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Header } from './header';

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
  });
});
