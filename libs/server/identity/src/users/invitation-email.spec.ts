import { invitationEmail } from './invitation-email';

describe('invitationEmail', () => {
  // The default wording (migration 1764000000010); LSPs may have their own.
  const template = {
    subject: 'Your invitation to {{lspName}} on the DSPT Support Portal',
    body: [
      'You have been invited to join {{lspName}} on the DSPT Support Portal as {{role}}.',
      'Open this link to set your password and set up two-step sign-in: {{inviteLink}}',
      'The link works once and expires on {{expiresOn}}. If you were not expecting this email, you can ignore it.',
    ].join('\n\n'),
  };
  const base = {
    to: 'sam@lsp.example',
    link: 'https://portal.example/invitations/accept?token=abc&lsp=north',
    expiresAt: new Date('2026-12-02T10:00:00Z'),
  };

  it('names the LSP, the role, the link and the expiry date in both parts, from the LSP', () => {
    const mail = invitationEmail(template, { ...base, tenantName: 'North <Care> Partnership', role: 'admin' });
    expect(mail.subject).toBe('Your invitation to North <Care> Partnership on the DSPT Support Portal');
    expect(mail.fromName).toBe('North <Care> Partnership');
    expect(mail.text).toContain('as an administrator');
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain('expires on 2 December 2026');
    expect(mail.html).toContain('North &#60;Care&#62; Partnership');
    expect(mail.html).toContain('href="https://portal.example/invitations/accept?token=abc&#38;lsp=north"');
    expect(mail.text).not.toContain('unsubscribe');
  });

  it('words a programme-lead invitation without an LSP', () => {
    const mail = invitationEmail(template, { ...base, tenantName: null, role: 'programme_lead' });
    expect(mail.subject).toBe(
      'Your invitation to the Better Security, Better Care programme on the DSPT Support Portal',
    );
    expect(mail.text).toContain('as a programme lead');
    expect(mail.fromName).toBeUndefined();
  });

  it("uses an LSP's own wording", () => {
    const mail = invitationEmail(
      { subject: 'Join {{lspName}}', body: 'Hello! {{inviteLink}}' },
      { ...base, tenantName: 'North', role: 'viewer' },
    );
    expect(mail.subject).toBe('Join North');
    expect(mail.text).toBe(`Hello! ${base.link}\n`);
  });
});
