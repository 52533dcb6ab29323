import { invitationEmail } from './invitation-email';

describe('invitationEmail', () => {
  const base = {
    to: 'sam@lsp.example',
    link: 'https://portal.example/invitations/accept?token=abc&lsp=north',
    expiresAt: new Date('2026-12-02T10:00:00Z'),
  };

  it('names the LSP, the role, the link and the expiry date in both parts', () => {
    const mail = invitationEmail({ ...base, tenantName: 'North <Care> Partnership', role: 'admin' });
    expect(mail.subject).toBe('Your invitation to North <Care> Partnership on the DSPT Support Portal');
    expect(mail.text).toContain('as an administrator');
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain('expires on 2 December 2026');
    expect(mail.html).toContain('North &#60;Care&#62; Partnership');
    expect(mail.html).toContain('href="https://portal.example/invitations/accept?token=abc&#38;lsp=north"');
  });

  it('words a programme-lead invitation without an LSP', () => {
    const mail = invitationEmail({ ...base, tenantName: null, role: 'programme_lead' });
    expect(mail.subject).toBe('Your invitation to the DSPT Support Portal');
    expect(mail.text).toContain('as a programme lead');
  });
});
