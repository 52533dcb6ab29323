import { placeholdersIn, renderEmailTemplate, templateProblems } from './email-template';

describe('templateProblems', () => {
  it('accepts every placeholder the template offers, with or without spaces inside the braces', () => {
    expect(
      templateProblems('guidance', {
        subject: 'DSPT: {{ itemsLeft }} items left for {{providerName}}',
        body: 'Dear {{contactName}},\n\n{{personalMessage}}\n\n{{openItems}}\n\n{{adviserName}}, {{lspName}} ({{deadline}}, {{daysLeft}}, {{cycle}}, {{odsCode}})',
      }),
    ).toEqual([]);
  });

  it('names an unknown placeholder and the field it is in', () => {
    const problems = templateProblems('deadline_reminder', {
      subject: 'Hello {{provider}}',
      body: 'Body {{personalMessage}}',
    });
    expect(problems).toEqual([
      {
        field: 'subject',
        message: expect.stringMatching(
          /^Unknown placeholder \{\{provider\}\} in the subject: use one of \{\{contactName\}\}/,
        ),
      },
      // Guidance has a personal message; reminders do not.
      { field: 'body', message: expect.stringMatching(/^Unknown placeholder \{\{personalMessage\}\} in the body/) },
    ]);
  });

  it('refuses lists in the subject, broken braces, blank or over-long text and line breaks in the subject', () => {
    const messages = (subject: string, body: string) =>
      templateProblems('guidance', { subject, body }).map((problem) => `${problem.field}: ${problem.message}`);
    expect(messages('Items {{openItems}}', 'x')).toEqual([
      'subject: {{openItems}} cannot be used in the subject, only in the body',
    ]);
    expect(messages('Hi {{providerName}', 'x')).toEqual([
      'subject: subject has a {{ or }} that is not part of a placeholder such as {{providerName}}',
    ]);
    expect(messages(' ', ' ')).toEqual(['subject: subject must not be blank', 'body: body must not be blank']);
    expect(messages('a'.repeat(201), 'x')).toEqual(['subject: subject must be at most 200 characters']);
    expect(messages('one\ntwo', 'x')).toEqual(['subject: subject must be a single line']);
  });

  it('gives invitations their own placeholders only', () => {
    expect(
      templateProblems('invitation', { subject: 'Join {{lspName}}', body: '{{inviteLink}} {{role}} {{expiresOn}}' }),
    ).toEqual([]);
    expect(templateProblems('invitation', { subject: 'Join', body: '{{openItems}}' })[0].message).toMatch(
      /Unknown placeholder \{\{openItems\}\}/,
    );
  });
});

describe('placeholdersIn', () => {
  it('lists the names in order, repeats included', () => {
    expect(placeholdersIn('{{a}} and {{ b }} and {{a}}')).toEqual(['a', 'b', 'a']);
  });
});

describe('renderEmailTemplate', () => {
  const items = [
    {
      code: '1.1.5',
      section: 'Staffing and Roles',
      title: 'Senior <responsible> person',
      guidanceUrl: 'https://guidance.example/1.1.5?x=1&y=2',
    },
    {
      code: '4.1.1',
      section: 'Staffing and Roles',
      title: 'Staff list',
      guidanceUrl: 'https://guidance.example/4.1.1',
    },
  ];
  const template = {
    subject: '{{itemsLeft}} items left for {{providerName}}',
    body: 'Dear {{contactName}},\n\n{{personalMessage}}\n\nStill open: {{openItems}}.\n\n{{openItems}}\n\nSee https://portal.example/help.\nFrom {{lspName}}',
  };
  const values = {
    values: { itemsLeft: '2', providerName: 'Oak & Ash <Care>', contactName: 'Pat', lspName: 'North LSP' },
    openItems: items,
  };
  const footer = {
    reason: 'You get this email because North LSP supports Oak & Ash.',
    unsubscribeUrl: 'https://portal.example/unsubscribe?token=a.b',
  };

  it('fills the subject and a plain-text body with the list of open items and the footer', () => {
    const email = renderEmailTemplate(template, { ...values, personalMessage: 'Nearly there!' }, footer);
    expect(email.subject).toBe('2 items left for Oak & Ash <Care>');
    expect(email.text).toBe(
      [
        'Dear Pat,',
        'Nearly there!',
        'Still open: 1.1.5, 4.1.1.',
        '- 1.1.5 (Staffing and Roles): Senior <responsible> person\n  Guidance: https://guidance.example/1.1.5?x=1&y=2\n- 4.1.1 (Staffing and Roles): Staff list\n  Guidance: https://guidance.example/4.1.1',
        'See https://portal.example/help.\nFrom North LSP',
        '--\nYou get this email because North LSP supports Oak & Ash.\nTo stop these emails, open this link: https://portal.example/unsubscribe?token=a.b',
      ].join('\n\n') + '\n',
    );
  });

  it('escapes values in HTML, lists the items with guidance links and links web addresses', () => {
    const { html } = renderEmailTemplate(template, values, footer);
    expect(html).toContain('<p>Dear Pat,</p>');
    expect(html).toContain(
      '<li><strong>1.1.5</strong> (Staffing and Roles): Senior &#60;responsible&#62; person <a href="https://guidance.example/1.1.5?x=1&#38;y=2">guidance for 1.1.5</a></li>',
    );
    expect(html).toContain('<a href="https://portal.example/help">https://portal.example/help</a>.<br>');
    expect(html).toContain('<a href="https://portal.example/unsubscribe?token=a.b">Unsubscribe from these emails</a>');
    expect(html).not.toContain('<Care>');
  });

  it('leaves out an empty personal message paragraph and says when nothing is open', () => {
    const email = renderEmailTemplate(
      { subject: 's', body: 'A\n\n{{personalMessage}}\n\n{{openItems}}' },
      { values: {}, openItems: [], personalMessage: '  ' },
    );
    expect(email.text).toBe('A\n\nEvery mandatory item is complete.\n');
    expect(email.html).not.toContain('<p></p>');
  });

  it.each([
    ['Registered Manager, Maple Gardens 478', 'Dear Maple Gardens 478 team,'],
    ['', 'Dear Maple Gardens 478 team,'],
    ['Alex Smith', 'Dear Alex Smith,'],
  ])('greets a contact named %j as %j', (contactName, greeting) => {
    const email = renderEmailTemplate(
      {
        subject: 's',
        body: 'Dear {{contactName}},\n\nReply and {{adviserName}} will help.\n\nBest wishes,\n{{adviserName}}',
      },
      { values: { contactName, providerName: 'Maple Gardens 478', adviserName: 'The DSPT support team' } },
    );
    expect(email.text).toBe(
      `${greeting}\n\nReply and the DSPT support team will help.\n\nBest wishes,\nThe DSPT support team\n`,
    );
  });

  it('has no footer unless one is given (invitations)', () => {
    expect(
      renderEmailTemplate(
        { subject: 's', body: 'Open {{inviteLink}}' },
        { values: { inviteLink: 'https://p.example/i?t=1' } },
      ).text,
    ).toBe('Open https://p.example/i?t=1\n');
  });
});
