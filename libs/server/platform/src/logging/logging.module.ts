import { AppConfigService } from '../config';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { redactError, redactUrl } from './log-redaction';
import { requestIdFor } from './request-id';

/** Paths whose values never reach the logs. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
];

/**
 * Structured JSON logs (pino) for api and worker; every HTTP log line carries the request id. No personal
 * data or credential reaches them: URLs lose their tokens (`redactUrl`) and errors their SQL parameters
 * and PostgreSQL details (`redactError`), whoever logs them.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          genReqId: requestIdFor,
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          autoLogging: { ignore: (req) => req.url === '/api/health' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactUrl(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            err: redactError,
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
