import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { InPageLink } from './in-page-link';

@Component({
  imports: [InPageLink],
  template: `
    <a dsptInPageLink="tasks">Tasks</a>
    @if (drawn()) {
      <h2 id="tasks">Tasks</h2>
    }
  `,
})
class PageWithLateSection {
  readonly drawn = signal(false);
}

describe('InPageLink', () => {
  it('goes to a section drawn after the click, and never lets the browser follow "#…" to the root', async () => {
    const fixture = TestBed.createComponent(PageWithLateSection);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    document.body.appendChild(element);
    const link = element.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#tasks');

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).not.toBe(element.querySelector('#tasks'));

    fixture.componentInstance.drawn.set(true);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    const heading = element.querySelector<HTMLElement>('#tasks')!;
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    element.remove();
  });

  it('goes at once to a section already drawn', async () => {
    const fixture = TestBed.createComponent(PageWithLateSection);
    fixture.componentInstance.drawn.set(true);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    document.body.appendChild(element);
    element.querySelector('a')!.click();
    expect(document.activeElement).toBe(element.querySelector('#tasks'));
    element.remove();
  });
});
