import { findInputProblem, hasControlCharacter, invalidField } from '@dspt/domain';
import {
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestMiddleware,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Throws a 400 naming the field when one part of a request breaks the input limits of `@dspt/domain`. */
export function assertSafeInput(value: unknown, part: string): void {
  const problem = findInputProblem(value, part);
  if (problem) {
    throw invalidField(problem.field, problem.message);
  }
}

const currentRequest = new AsyncLocalStorage<Request>();

/**
 * The text fields of the request being handled, as parsed so far: a multipart form's fields exist only once
 * an upload interceptor has read the form, after the middleware has run, so the validation pipe checks them.
 */
export function currentRequestBody(): unknown {
  return currentRequest.getStore()?.body;
}

/** The decoded path, or the raw one when it is not valid percent-encoding (the router answers that itself). */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Runs right after body parsing, before guards and before class-transformer sees anything: a body that
 * nests too deep, a control character (NUL, say) in any text of the path, query or body, or a JSON number
 * outside PostgreSQL's integer range is refused with a 400 naming the field. Without it such input
 * overflowed class-transformer's stack or reached PostgreSQL, which refused it with a 500.
 */
@Injectable()
export class InputSafetyMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (hasControlCharacter(decodedPath(req.path))) {
      throw invalidField('path', 'The address must not contain control characters such as NUL');
    }
    assertSafeInput(req.query, 'query');
    if (req.body !== undefined && !Buffer.isBuffer(req.body)) {
      assertSafeInput(req.body, 'body');
    }
    currentRequest.run(req, next);
  }
}

/** Applies InputSafetyMiddleware to every route; import it before modules whose middleware reads input. */
@Module({})
export class InputSafetyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(InputSafetyMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
