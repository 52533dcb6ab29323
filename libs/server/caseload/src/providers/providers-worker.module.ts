import { QueueModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { TransferRequestEmailProcessor } from './transfer-request-email.processor';
import { TransferRequestMailer } from './transfer-request-mailer';

/** Worker side of providers: the emails about transfer requests between LSPs. */
@Module({
  imports: [QueueModule],
  providers: [TransferRequestMailer, TransferRequestEmailProcessor],
})
export class ProvidersWorkerModule {}
