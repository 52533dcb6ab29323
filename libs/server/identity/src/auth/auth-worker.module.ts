import { QueueModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { PasswordResetMailer } from './password-reset-mailer';
import { PasswordResetProcessor } from './password-reset.processor';

/** Worker side of accounts: password-reset emails. */
@Module({
  imports: [QueueModule],
  providers: [PasswordResetMailer, PasswordResetProcessor],
})
export class AuthWorkerModule {}
