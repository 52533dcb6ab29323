/**
 * Debian's nginx in front of api processes, for `npm run bench:scale`: deploy/nginx/portal.conf.template
 * (the file Compose's nginx service uses) filled in, run in the foreground from a folder of its own. The
 * replica integration tests start it the same way (libs/server/testing replicas.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './local-services.ts';
import { freePort, isPortOpen } from './ports.ts';

export interface RunningNginx {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export function nginxBinary(): string {
  const found = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
  if (!found) {
    throw new Error("nginx is not installed: `apt-get install -y nginx` (Debian's package, as .ci/run does)");
  }
  return found;
}

export async function startNginx(root: string, upstreams: readonly string[]): Promise<RunningNginx> {
  const binary = nginxBinary();
  const port = await freePort();
  const prefix = await mkdtemp(join(tmpdir(), 'dspt-bench-nginx-'));
  // Run as root, nginx's workers switch to an unprivileged user, which must reach its temporary folders.
  await chmod(prefix, 0o755);
  const template = await readFile(join(root, 'deploy', 'nginx', 'portal.conf.template'), 'utf8');
  const values: Record<string, string> = {
    API_SERVERS: upstreams.map((upstream) => `server ${upstream.replace(/^https?:\/\//, '')};`).join(' '),
    NGINX_PORT: `127.0.0.1:${port}`,
  };
  await writeFile(
    join(prefix, 'portal.conf'),
    template.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole),
  );
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (name) => `${name}_temp_path ${join(prefix, name)};`,
  );
  await writeFile(
    join(prefix, 'nginx.conf'),
    [
      // One nginx worker: the machine's cores are for the api replicas being measured.
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 4096; }',
      `http { access_log off; ${temp.join(' ')} include ${join(prefix, 'portal.conf')}; }`,
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Its own port answering, not an exit (a port taken meanwhile): only then is the nginx in front ours.
  const deadline = Date.now() + 10_000;
  while (!(await isPortOpen('127.0.0.1', port, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`nginx did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.exitCode !== null) {
    throw new Error(`nginx stopped at start (port ${port})`);
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child, 'SIGQUIT');
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
