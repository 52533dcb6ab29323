import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs?: number): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const workspaceRoot = join(__dirname, '..', '..', '..', '..', '..');

/** Path of a built app's entry point; tests that need a real process run after `npm run build`. */
export function builtEntryPoint(app: 'api' | 'worker', file = 'main.js'): string {
  const path = join(workspaceRoot, 'dist', 'apps', app, file);
  if (!existsSync(path)) {
    throw new Error(`${path} does not exist: run "npm run build" before the integration tests`);
  }
  return path;
}

/** Path of a file of the workspace (a checked-in template, say). */
export function workspaceFile(...segments: string[]): string {
  return join(workspaceRoot, ...segments);
}

/** Starts `node <entry>` with the given environment, collecting its stdout and stderr. */
export function startNodeProcess(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  return startProcess(process.execPath, [entry, ...args], env);
}

/** Starts a program (in the workspace's folder) with the given environment, collecting its stdout and stderr. */
export function startProcess(command: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`Process never printed ${pattern}; output so far:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async waitForExit(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Process did not exit within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
}

/** A real worker process (the built app) with the given environment, once it has started. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<RunningProcess> {
  const worker = startNodeProcess(builtEntryPoint('worker'), { ...env, LOG_LEVEL: 'info' });
  await worker.waitForOutput(/worker started/, timeoutMs);
  return worker;
}
