import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { RequestContextMiddleware } from './request-context.middleware';
import { ScopedDatabase } from './scoped-database';

@Global()
@Module({
  providers: [ScopedDatabase],
  exports: [ScopedDatabase],
})
export class TenancyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
