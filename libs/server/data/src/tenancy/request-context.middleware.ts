import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { runWithRequestContext } from './request-context';

/** Starts the request's context; everything later in the request (guards, services) runs inside it. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    runWithRequestContext({ ip: request.ip ?? null }, next);
  }
}
