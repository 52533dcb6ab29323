import type { EmailTemplateInput, RenderedEmailView } from '@dspt/contracts';
import { type OpenItem, type TemplateValues, cycleForDate, renderEmailTemplate, templateProblems } from '@dspt/domain';
import { ApiProblemError } from '@dspt/web/core';

const EXAMPLE_ITEMS: readonly OpenItem[] = [
  {
    code: '1.1.1',
    section: 'Policies and Procedures',
    title: 'Your organisation has a record of the personal data it holds',
    guidanceUrl: 'https://www.dsptoolkit.nhs.uk/Help/guidance/1.1.1',
  },
  {
    code: '3.2.1',
    section: 'Staffing and Roles',
    title: 'Staff have completed data security training',
    guidanceUrl: 'https://www.dsptoolkit.nhs.uk/Help/guidance/3.2.1',
  },
];

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Made-up values for every placeholder, for previews where no real provider can be used. */
export function exampleValues(lspName: string, today: Date): TemplateValues {
  const isoToday = today.toISOString().slice(0, 10);
  const cycle = cycleForDate(isoToday);
  const deadline = new Date(`${cycle.deadline}T00:00:00Z`);
  const expires = new Date(today.getTime() + 7 * 86_400_000);
  return {
    values: {
      contactName: 'Alex Example',
      providerName: 'Example Care Home',
      odsCode: 'AB123',
      lspName,
      adviserName: 'Sam Adviser',
      cycle: cycle.code,
      deadline: LONG_DATE.format(deadline),
      daysLeft: String(
        Math.max(0, Math.round((deadline.getTime() - Date.parse(`${isoToday}T00:00:00Z`)) / 86_400_000)),
      ),
      itemsLeft: String(EXAMPLE_ITEMS.length),
      role: 'an adviser',
      inviteLink: 'https://dspt-portal.example/invitations/accept?token=example',
      expiresOn: LONG_DATE.format(expires),
    },
    openItems: EXAMPLE_ITEMS,
    personalMessage: 'Thank you for your time on the phone today. Here is what is left to do.',
  };
}

/**
 * A draft template filled with made-up values, in the browser: for system admins (who see no provider's
 * data) and for the invitation. The template is checked by the same rules the API applies on save; a
 * problem is thrown as the API would answer it, so it shows on its field.
 */
export function exampleEmail(draft: EmailTemplateInput, lspName: string, today = new Date()): RenderedEmailView {
  const problems = templateProblems(draft.key, draft);
  if (problems.length > 0) {
    throw new ApiProblemError({ status: 400, message: problems[0].message, details: problems });
  }
  const mailing = draft.key !== 'invitation';
  const rendered = renderEmailTemplate(
    draft,
    exampleValues(lspName, today),
    mailing
      ? {
          reason: `You get this email because ${lspName} supports Example Care Home with the Data Security and Protection Toolkit.`,
          unsubscribeUrl: 'https://dspt-portal.example/unsubscribe?token=example',
        }
      : undefined,
  );
  return {
    to: mailing ? '"Alex Example" <alex@care-home.example>' : 'new.person@example.org',
    from: `"${lspName}"`,
    replyTo: null,
    ...rendered,
  };
}
