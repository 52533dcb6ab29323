import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseAnswer, ParseRequest } from './spreadsheet-parse.worker';

export type { ParseAnswer, ParseRequest } from './spreadsheet-parse.worker';

export interface ParseLimits {
  /** The worker's V8 heap (old generation); the thread ends with ERR_WORKER_OUT_OF_MEMORY past it. */
  memoryMb: number;
  timeoutMs: number;
}

/** The worker ran out of its memory or its time: the file is too big to read here, whatever it holds. */
export class ParseLimitError extends Error {
  constructor(readonly limit: 'memory' | 'timeout') {
    super(`The spreadsheet parse hit its ${limit} limit`);
  }
}

/**
 * The worker's file: `spreadsheet-parse-worker.js`, an entry of the api's webpack build next to main.js,
 * or this library's TypeScript source when the code runs unbundled (Jest), which Node 24 runs as it is.
 */
function workerFile(): string {
  const candidates = [join(__dirname, 'spreadsheet-parse-worker.js'), join(__dirname, 'spreadsheet-parse.worker.ts')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`The spreadsheet parse worker is missing: looked for ${candidates.join(' and ')}`);
  }
  return found;
}

/**
 * Reads a spreadsheet in a worker thread of its own with a capped heap and a timeout, so a file that
 * needs too much memory or time ends that thread (ParseLimitError) and never the api.
 */
export function parseInWorker(request: ParseRequest, limits: ParseLimits): Promise<ParseAnswer> {
  return new Promise((resolve, reject) => {
    const file = workerFile();
    const worker = new Worker(file, {
      // Only the unbundled source (tests) is TypeScript: Node notes each time that it reparsed it as ESM.
      execArgv: file.endsWith('.ts') ? ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'] : [],
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        finish();
      }
    };
    const timer = setTimeout(() => {
      settle(() => reject(new ParseLimitError('timeout')));
      void worker.terminate();
    }, limits.timeoutMs);
    worker.once('message', (answer: ParseAnswer) => {
      settle(() => resolve(answer));
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParseLimitError('memory') : error)),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The spreadsheet parse worker exited with code ${code}`))),
    );
  });
}
