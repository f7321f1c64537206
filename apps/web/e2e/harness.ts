import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/** The e2e harness: builds the dashboard if needed, starts the real server on a free port with a temp DATA_DIR. */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_DIR = path.resolve(WEB_DIR, '../..');
export const SCREENSHOT_DIR = path.join(ROOT_DIR, 'docs/screenshots');
export const PASSWORD = 'demo1234';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The newest modification time of the dashboard's sources (src/, index.html, the Vite config). */
function newestSourceMs(): number {
  let newest = 0;
  const visit = (file: string) => {
    const s = statSync(file);
    if (s.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const name of ['src', 'index.html', 'vite.config.ts']) {
    const file = path.join(WEB_DIR, name);
    if (existsSync(file)) visit(file);
  }
  return newest;
}

/**
 * Builds apps/web when dist/ is missing (CI starts from a fresh clone), older than a source file (a
 * local run must not test a stale build), or E2E_BUILD=1.
 */
export function ensureBuilt(): void {
  const index = path.join(WEB_DIR, 'dist/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSourceMs() && process.env.E2E_BUILD !== '1')
    return;
  execFileSync(
    process.execPath,
    [path.join(WEB_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: WEB_DIR,
      stdio: 'inherit',
      // vitest runs with NODE_ENV=test, which Vite would keep: React's development build, 70 KB gzip
      // more than what `pnpm start` serves. The e2e tests measure the production build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** The gzip size of the JavaScript the first page load fetches: the entry script and its modulepreloads. */
export function initialJsGzipBytes(dist = path.join(WEB_DIR, 'dist')): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length, 0);
  return { bytes, files };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type TServer = {
  baseUrl: string;
  webDist: string;
  stop: () => Promise<void>;
  log: () => string;
  /** kills the server with SIGKILL (as a power cut would) and starts it again on the same data and port */
  killAndRestart: () => Promise<void>;
};

/** Starts `pnpm start`'s entry (apps/server) with a temp DATA_DIR on a free port; waits for /api/health. */
export async function startServer(): Promise<TServer> {
  if (process.env.E2E_BASE_URL) {
    return {
      baseUrl: process.env.E2E_BASE_URL,
      webDist: path.join(WEB_DIR, 'dist'),
      stop: async () => {},
      log: () => '',
      killAndRestart: async () => {
        throw new Error("E2E_BASE_URL: the server is not this run's to restart");
      },
    };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chuangkou-e2e-'));
  // the server serves a private copy of dist/, so a rebuild elsewhere during the run changes nothing here
  const webDist = path.join(dataDir, 'web');
  cpSync(path.join(WEB_DIR, 'dist'), webDist, { recursive: true });
  const serverDir = path.join(ROOT_DIR, 'apps/server');
  let output = '';
  const launch = (): ChildProcess => {
    const started = spawn(
      process.execPath,
      [path.join(serverDir, 'node_modules/tsx/dist/cli.mjs'), 'src/index.ts'],
      {
        cwd: serverDir,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          WEB_DIST: webDist,
          DEMO: 'auto',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    started.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    return started;
  };
  let child = launch();
  const baseUrl = `http://127.0.0.1:${port}`;
  /** Signals the server's process group and waits (up to 5 s, then SIGKILL) until it exited. */
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const pid = child.pid;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    await end('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const answering = async () => {
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await stop();
    throw new Error(`server did not answer /api/health within 300 s:\n${output}`);
  };
  const killAndRestart = async () => {
    await end('SIGKILL');
    child = launch();
    await answering();
  };
  await answering();
  return { baseUrl, webDist, stop, log: () => output, killAndRestart };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Logs in through the form; resolves when the app shell shows the user. */
export async function login(
  page: Page,
  baseUrl: string,
  username: string,
  password = PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('current-user').waitFor({ timeout: 30_000 });
}

/**
 * Opens a select, types `search` when given, and clicks the first option matching `option` in that select's
 * own dropdown. The dropdown is found through the open input's aria-controls, so the closing dropdown of
 * another select (still on screen for a moment on a busy machine) is never the one clicked.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  { search, option }: { search?: string; option?: string | RegExp } = {},
): Promise<void> {
  await select.click();
  const input = select.locator('input').first();
  await input.and(page.locator('[aria-controls]')).waitFor({ timeout: 30_000 });
  const listId = await input.getAttribute('aria-controls');
  if (search !== undefined) await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option', option === undefined ? {} : { hasText: option })
    .first()
    .click();
}
