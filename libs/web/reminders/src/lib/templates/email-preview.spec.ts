import { TestBed } from '@angular/core/testing';
import type { RenderedEmailView } from '@dspt/contracts';
import { EmailPreview } from './email-preview';

const EMAIL: RenderedEmailView = {
  to: '"Pat Manager" <pat@oak.example>',
  from: 'DSPT Support Portal <no-reply@dspt-portal.localhost>',
  replyTo: null,
  subject: 'Your DSPT',
  text: 'Dear Pat',
  // What a hostile template could hold, if escaping ever failed.
  html: '<p>Dear Pat</p><script>parent.document.title = "owned"</script><form action="https://evil.example"><button>Go</button></form>',
};

describe('EmailPreview', () => {
  it('shows the HTML part in a frame sandboxed with no permissions: no script, form, pop-up or same origin', () => {
    const fixture = TestBed.createComponent(EmailPreview);
    fixture.componentRef.setInput('email', EMAIL);
    fixture.detectChanges();
    const frame = (fixture.nativeElement as HTMLElement).querySelector<HTMLIFrameElement>(
      '[data-testid="preview-html"]',
    );
    expect(frame).not.toBeNull();
    expect(frame?.hasAttribute('sandbox')).toBe(true);
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toBe(EMAIL.html);
  });
});
