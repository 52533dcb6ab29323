import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SkipLink } from './skip-link';

@Component({
  imports: [SkipLink],
  template: `<dspt-skip-link />
    <main id="maincontent">Content</main>`,
})
class PageWithMainContent {}

describe('SkipLink', () => {
  it('moves focus to the main content without following the link', async () => {
    const fixture = TestBed.createComponent(PageWithMainContent);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const link: HTMLAnchorElement = fixture.nativeElement.querySelector('.nhsuk-skip-link');
    const main: HTMLElement = fixture.nativeElement.querySelector('main');

    const click = new MouseEvent('click', { cancelable: true });
    link.dispatchEvent(click);

    expect(link.getAttribute('href')).toBe('#maincontent');
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(main);

    main.blur();
    expect(main.hasAttribute('tabindex')).toBe(false);
    fixture.nativeElement.remove();
  });
});
