import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { ProviderPage } from '../support/caseload-pages';
import { demoAccounts } from '../support/demo-accounts';
import { Mailbox } from '../support/mailbox';
import {
  CampaignStepPage,
  CampaignsPage,
  EmailTemplatesPage,
  ProviderEmailsSection,
  REMINDERS_LSP_NAME,
  REMINDERS_LSP_SLUG,
  remindersAccounts,
} from '../support/reminders-pages';
import { Shell } from '../support/shell';
import { signInSettingUpMfa, signInWithMfa } from '../support/sign-in-flow';
import { UnsubscribePage, unsubscribeLinkIn } from '../support/unsubscribe-page';

const ADVISER_NAME = `${REMINDERS_LSP_NAME} Adviser`;

test.describe('reminder and guidance emails', () => {
  test('an adviser sends a guidance email from the provider page and sees it sent; its unsubscribe link works in a browser with no sign-in; the adviser resubscribes the contact', async ({
    page,
    browser,
  }) => {
    // Setting up MFA waits for a code of its own 30-second step.
    test.slow();
    const shell = new Shell(page);
    const campaigns = new CampaignsPage(page);
    const step = new CampaignStepPage(page);
    const provider = new ProviderPage(page);
    const emails = new ProviderEmailsSection(page);
    const mailbox = new Mailbox();

    await signInSettingUpMfa(page, remindersAccounts.adviser);

    // Campaigns: the cycle's steps, each with the day it goes out; an adviser reads them.
    await shell.navigationLink('Campaigns').click();
    await expect(page).toHaveURL(new RegExp(`/lsp/${REMINDERS_LSP_SLUG}/campaigns$`));
    await expect(campaigns.heading).toHaveText('Campaigns');
    await expect(page).toHaveTitle('Campaigns – DSPT Support Portal');
    await expect(campaigns.steps).toHaveCount(3);
    await expect(campaigns.steps.first()).toContainText('90 days before the deadline');
    await expect(campaigns.steps.first()).toContainText(/\w+day \d+ \w+ \d{4} at 9am/);
    await expect(campaigns.stepsField).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    // Before its day, the first step's page shows how many providers and which ones it will email.
    await campaigns.stepLink(90).click();
    await expect(step.heading).toHaveText('Reminder 90 days before the deadline');
    await expect(step.audienceCount).toContainText('As things stand now it will email');
    expect(await step.audienceTotal()).toBeGreaterThan(0);
    await expectNoAccessibilityViolations(page);

    // One of them: its page, its open items, and its primary contact.
    const member = step.audience.first();
    const name = await member.getByRole('link').innerText();
    await member.getByRole('link').click();
    await expect(provider.heading).toHaveText(name);
    const contactEmail = await emails.primaryContactEmail();
    const openItems = await provider.blockerCodes();
    expect(openItems.length).toBeGreaterThan(0);

    // The dialog offers the open mandatory items (all ticked) and the contacts; the adviser keeps one item
    // and the primary contact, sees the exact email first, and only that goes out, only to that contact.
    await emails.openGuidanceDialog();
    await expect(emails.dialogItems).toHaveCount(openItems.length);
    await expect(emails.dialogItems.first()).toContainText(openItems[0]);
    await expect(emails.dialogItems.locator('input:checked')).toHaveCount(openItems.length);
    await expectNoAccessibilityViolations(page);
    const otherContacts = (await emails.contacts.locator('tbody tr').getByRole('link').allInnerTexts())
      .map((address) => address.trim())
      .filter((address) => address.includes('@') && address !== contactEmail);
    const earlierToOthers = await Promise.all(
      otherContacts.map(async (address) => (await mailbox.messagesTo(address)).length),
    );
    const message = `Thank you for the call today (${Date.now()}). Here is what is left.`;
    await emails.previewGuidance(message, [openItems[0]], contactEmail);
    await expect(emails.previewText).toContainText(message);
    await expect(emails.previewText).toContainText(`- ${openItems[0]} (`);
    if (openItems.length > 1) {
      await expect(emails.previewText).not.toContainText(`- ${openItems[1]} (`);
    }
    await expect(emails.previewHtml).toHaveAttribute('sandbox', '');
    await expect(emails.dialog).toContainText(`<${contactEmail}>`);
    await expectNoAccessibilityViolations(page);
    // At a phone's width the dialog and its preview fit the screen: no sideways scroll inside it.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    const fit = await emails.dialog.evaluate((dialog) => ({
      right: dialog.getBoundingClientRect().right,
      overflow: dialog.scrollWidth - dialog.clientWidth,
    }));
    expect(fit.right).toBeLessThanOrEqual(390);
    expect(fit.overflow).toBeLessThanOrEqual(0);
    if (viewport) {
      await page.setViewportSize(viewport);
    }
    const previewed = await emails.previewText.innerText();
    const delivered = await mailbox.messageSentBy(contactEmail, () => emails.sendPreviewed(), 20_000);
    await expect(emails.confirmation).toContainText('Guidance email to');
    expect(delivered.text).toContain(message);
    expect(delivered.text).toContain(`- ${openItems[0]} (`);
    expect(delivered.html).toContain(openItems[0]);
    expect(delivered.text.replace(/\r\n/g, '\n').trim()).toBe(previewed.replace(/\r\n/g, '\n').trim());
    for (const other of openItems.slice(1)) {
      expect(delivered.text).not.toContain(`- ${other} (`);
    }
    expect(delivered.to.map((to) => to.address.toLowerCase())).toEqual([contactEmail.toLowerCase()]);
    for (const [index, address] of otherContacts.entries()) {
      expect((await mailbox.messagesTo(address)).length).toBe(earlierToOthers[index]);
    }
    // The live region follows it from queued to sent without a reload.
    await expect(emails.guidanceStatus).toHaveText(/Guidance email to .+: sent\./, { timeout: 15_000 });

    // The delivery log shows it sent (it reloads itself while queued), and the case notes show it.
    const sent = emails.emails.filter({ hasText: 'Guidance email' }).first();
    await expect(sent.getByTestId('email-status')).toHaveText('Sent', { timeout: 15_000 });
    await expect(sent).toContainText(`Sent by ${ADVISER_NAME}`);
    await expect(provider.notes.getByTestId('note').first()).toContainText(`Guidance email to`);
    await expect(provider.notes.getByTestId('note').first()).toContainText(message);
    await expectNoAccessibilityViolations(page);

    // The email's unsubscribe link, in a browser with nobody signed in.
    const link = unsubscribeLinkIn(delivered);
    const visitor = await browser.newContext();
    try {
      const publicPage = await visitor.newPage();
      const unsubscribe = new UnsubscribePage(publicPage);
      await unsubscribe.open(link);
      await expect(unsubscribe.heading).toHaveText('Unsubscribe from DSPT emails');
      await expect(unsubscribe.summary).toContainText(`from ${REMINDERS_LSP_NAME} about ${name}`);
      await expect(unsubscribe.summary).toContainText(`${contactEmail[0]}***@${contactEmail.split('@')[1]}`);
      await expect(publicPage.getByTestId('user-name')).toHaveCount(0);
      await expectNoAccessibilityViolations(publicPage);
      await unsubscribe.confirmButton.click();
      await expect(unsubscribe.confirmation).toContainText('You have unsubscribed');
      await expect(publicPage).toHaveTitle('Unsubscribe from emails – DSPT Support Portal');
      await expectNoAccessibilityViolations(publicPage);

      // The same link again: already done. A forged one: refused.
      await unsubscribe.open(link);
      await expect(unsubscribe.heading).toHaveText('You had already unsubscribed');
      const forged = new URL(link);
      const token = forged.searchParams.get('token') ?? '';
      forged.searchParams.set('token', `${token.slice(0, -4)}${token.slice(-4).split('').reverse().join('')}x`);
      await unsubscribe.open(forged);
      await expect(unsubscribe.heading).toHaveText('This link does not work');
      await expect(unsubscribe.problem).toContainText('This unsubscribe link is not valid');
      await expectNoAccessibilityViolations(publicPage);
    } finally {
      await visitor.close();
    }

    // The adviser sees the contact unsubscribed, and resubscribes them with the person's own request.
    await page.reload();
    await expect(provider.heading).toHaveText(name);
    const contactRow = emails.contacts.locator('tbody tr').filter({ hasText: contactEmail });
    await expect(contactRow).toContainText('Unsubscribed from emails');
    const contactName = (await contactRow.locator('td').first().innerText()).split('\n')[0].trim();
    await emails.resubscribe(contactName, 'The manager phoned on 3 Dec asking for the emails again');
    await expect(page.getByTestId('resubscribe-confirmation')).toHaveText(
      `${contactName} is subscribed to emails again.`,
    );
    await expect(contactRow).not.toContainText('Unsubscribed from emails');
    await expectNoAccessibilityViolations(page);
  });

  test("an LSP admin changes the reminder steps, has a wrong one refused, and edits a template, with an unknown placeholder refused on its field and a preview with a provider's data", async ({
    page,
  }) => {
    test.slow();
    const shell = new Shell(page);
    const campaigns = new CampaignsPage(page);
    const templates = new EmailTemplatesPage(page);

    await signInWithMfa(page, remindersAccounts.admin);
    await shell.navigationLink('Campaigns').click();
    await expect(campaigns.steps).toHaveCount(3);

    // The API's rules come back on the field.
    await campaigns.saveSteps('90, 400');
    await expect(campaigns.errorSummary).toBeVisible();
    await expect(page.locator('#cadence-offsets-error')).toContainText('365');
    await expect(page).toHaveTitle(/^Error: Campaigns/);
    await expectNoAccessibilityViolations(page);

    await campaigns.saveSteps('60, 30, 7, 2');
    await expect(campaigns.confirmation).toHaveText(/reminders now go out 60, 30, 7, 2 days before the deadline\.$/);
    await expect(campaigns.steps).toHaveCount(4);
    await expect(campaigns.steps.last()).toContainText('2 days before the deadline');
    await campaigns.useDefaultSteps();
    await expect(campaigns.confirmation).toHaveText(/back to the default steps: 90, 30, 7 days before the deadline\.$/);
    await expect(campaigns.steps).toHaveCount(3);
    await expectNoAccessibilityViolations(page);

    // The guidance template: an unknown placeholder is refused on the field it is in.
    await shell.openManagePage('Email templates');
    await expect(templates.heading).toHaveText('Email templates');
    await templates.choose('Guidance email');
    const original = await templates.body.inputValue();
    await templates.body.fill(`Hello {{providerNmae}},\n\n${original}`);
    await templates.save();
    await expect(templates.fieldError('Body')).toContainText('Unknown placeholder {{providerNmae}} in the body');
    await expect(templates.errorSummary).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Put right with the placeholder list, then previewed with a provider's data: HTML and plain text.
    await templates.body.fill(`Hello ,\n\n${original}`);
    await templates.body.focus();
    await templates.body.press('Control+Home');
    for (let i = 0; i < 'Hello '.length; i++) {
      await templates.body.press('ArrowRight');
    }
    await templates.insertPlaceholder('providerName');
    await expect(templates.body).toHaveValue(`Hello {{providerName}},\n\n${original}`);
    const previewWith = page.getByLabel('Preview with the data of');
    const providerName = ((await previewWith.locator('option:checked').innerText()).split(' (')[0] ?? '').trim();
    await templates.preview();
    await expect(templates.previewText).toContainText(`Hello ${providerName},`);
    await expect(templates.previewText).toContainText('To stop these emails, open this link:');
    await expect(templates.previewHtmlBody()).toContainText(`Hello ${providerName},`);
    await expect(templates.fieldError('Body')).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
  });

  test('a system admin edits the default templates with a preview of made-up values, and opens the queue dashboard from the menu', async ({
    page,
  }) => {
    test.slow();
    const shell = new Shell(page);
    const templates = new EmailTemplatesPage(page);

    await signInWithMfa(page, demoAccounts.systemAdmin);
    await shell.openManagePage('Email templates', 'Manage portal');
    await expect(templates.heading).toHaveText('Default email templates');
    await templates.preview();
    await expect(templates.previewSubject).toContainText('Example Care Home');
    await expect(templates.previewHtmlBody()).toContainText('1.1.1');
    await expectNoAccessibilityViolations(page);

    // Bull Board, served by the api: the link loads it.
    await shell.openManagePage('Queues', 'Manage portal');
    await expect(page).toHaveURL(/\/admin\/queues\/?$/);
    await expect(page.getByText('DSPT portal queues').first()).toBeVisible();
  });
});
