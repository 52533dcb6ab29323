import { AppConfigModule } from '@dspt/server/platform';
import { startTestSmtpServer, type TestSmtpServer } from '@dspt/server/testing';
import { Test } from '@nestjs/testing';
import { MailModule } from './mail.module';
import { MailService } from './mail.service';

describe('MailService over real SMTP', () => {
  let smtp: TestSmtpServer;
  let mail: MailService;
  let close: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      rejectRecipient: (address) =>
        address.endsWith('@gone.test') ? { code: 550, message: 'No such mailbox' } : undefined,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot({ SMTP_URL: smtp.url, MAIL_FROM: 'Portal <portal@dspt.test>' }), MailModule],
    }).compile();
    await moduleRef.init();
    mail = moduleRef.get(MailService);
    close = () => moduleRef.close();
  });

  afterAll(async () => {
    await close?.();
    await smtp?.close();
  });

  it('delivers subject, text and HTML bodies and headers to the SMTP server', async () => {
    const receipt = await mail.send({
      to: 'manager@care-home.test',
      subject: 'Your DSPT is due by 30 June',
      text: 'Please complete mandatory requirement 4.1.1.',
      html: '<p>Please complete mandatory requirement <strong>4.1.1</strong>.</p>',
      headers: { 'List-Unsubscribe': '<https://portal.test/unsubscribe/abc>' },
    });

    const [message] = await smtp.waitForMessages(1);
    expect(receipt.accepted).toEqual(['manager@care-home.test']);
    expect(message.messageId).toBe(receipt.messageId);
    expect(message.subject).toBe('Your DSPT is due by 30 June');
    expect(message.text?.trim()).toBe('Please complete mandatory requirement 4.1.1.');
    expect(message.html).toContain('<strong>4.1.1</strong>');
    expect(message.from?.text).toBe('"Portal" <portal@dspt.test>');
    expect(message.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <https://portal.test/unsubscribe/abc>',
    );
  });

  it('raises the SMTP server refusal with its code', async () => {
    await expect(mail.send({ to: 'someone@gone.test', subject: 'x', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
    });
  });
});
