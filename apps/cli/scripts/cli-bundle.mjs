// @ts-check
/**
 * The command line runs as one bundle instead of compiling TypeScript on every start. `pnpm install`
 * builds it (the root `postinstall`); `runCli()` rebuilds it first when a source it was built from
 * changed since, so a checkout or an edit never runs an old bundle.
 *
 * The bundle is CommonJS (esbuild) so that it can be compiled through `vm.Script` with V8's code cache:
 * the first run stores the compiled code beside the bundle (`chuangkou.cjs.cache`) and later runs skip
 * parsing it, which was most of the start-up (Node 20 has no compile cache for ES modules). The
 * commands that need the database and exceljs are reached through `import()` in the sources, so
 * `assess` never loads them. The drivers and exceljs stay outside the bundle (EXTERNAL).
 *
 * dist/manifest.json names the current build and the size and mtime of every file it was built from:
 * the workspace sources esbuild read, the lockfile (for the packages bundled from node_modules), this
 * file and the CLI's package.json.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const CLI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(CLI_DIR, '../..');
const DIST = path.join(CLI_DIR, 'dist');
const MANIFEST = path.join(DIST, 'manifest.json');

/** Files, besides the sources esbuild reads, whose change calls for a new bundle. */
const BUILD_INPUTS = ['pnpm-lock.yaml', 'apps/cli/package.json', 'apps/cli/scripts/cli-bundle.mjs'];

/**
 * Packages loaded from node_modules at run time (each a dependency of the CLI, so it resolves from
 * dist/): native code, a driver's optional part, and exceljs (CommonJS that Node warns about, DEP0005,
 * when it runs from outside node_modules).
 */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'exceljs'];

/**
 * main.ts reaches the commands that need the database through `import()`: each is a bundle of its
 * own (bulletin.cjs, cases.cjs, required on demand), so the main bundle holds only what `assess`
 * runs and its code cache stays small.
 * @type {import('esbuild').Plugin}
 */
const COMMANDS_APART = {
  name: 'commands-apart',
  setup(build) {
    // main.ts's `import('./commands/bulletin.ts')` becomes a module that requires ./bulletin.cjs
    build.onResolve({ filter: /^\.\/commands\/(bulletin|cases|import|init|platform-admin)\.ts$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'main.ts'))
        ? { path: path.basename(args.path, '.ts'), namespace: 'command-bundle' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'command-bundle' }, (args) => ({
      contents: `module.exports = require('./${args.path}.cjs');`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/(bulletin|cases|import|init|platform-admin)\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/** An old build is removed this long after a newer one replaced it (a run may still be loading it). */
const OLD_BUILD_GRACE_MS = 10 * 60_000;

/**
 * @typedef {object} TManifest
 * @property {string} entry the bundle, relative to dist/
 * @property {[string, number, number][]} inputs [file relative to the repository root, mtimeMs, size]
 */

/** @returns {TManifest | null} */
export function readManifest(file = MANIFEST) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether the build `manifest` names exists and every file it was built from still has its size and
 * mtime.
 * @param {TManifest | null} manifest
 */
export function isFresh(manifest, root = ROOT, dist = DIST) {
  if (!manifest) return false;
  try {
    statSync(path.join(dist, manifest.entry));
    for (const [file, mtimeMs, size] of manifest.inputs) {
      const s = statSync(path.join(root, file));
      if (s.mtimeMs !== mtimeMs || s.size !== size) return false;
    }
  } catch {
    return false;
  }
  return true;
}

/** Writes `data` to `file` in one rename: a reader in parallel sees the old file or the new one. */
function writeAtomically(/** @type {string} */ file, /** @type {string | Buffer} */ data) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Bundles src/main.ts into a new dist/build-…/ and makes it current.
 * @returns {Promise<TManifest>}
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const id = `build-${Date.now().toString(36)}-${process.pid}`;
  const entry = `${id}/chuangkou.cjs`;
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      chuangkou: 'apps/cli/src/main.ts',
      bulletin: 'apps/cli/src/commands/bulletin.ts',
      cases: 'apps/cli/src/commands/cases.ts',
      import: 'apps/cli/src/commands/import.ts',
      init: 'apps/cli/src/commands/init.ts',
      'platform-admin': 'apps/cli/src/commands/platform-admin.ts',
    },
    outdir: path.join(DIST, id),
    outExtension: { '.js': '.cjs' },
    plugins: [COMMANDS_APART],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // the sources find the repository from their own URL (repo-root.ts)
    define: { 'import.meta.url': '__cliModuleUrl' },
    banner: { js: "const __cliModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  }).catch((/** @type {unknown} */ error) => {
    // esbuild's failure, as `file:line:column: message` lines
    const errors = /** @type {{ errors?: import('esbuild').Message[] }} */ (error).errors ?? [];
    if (errors.length === 0) throw error;
    const where = (/** @type {import('esbuild').Message} */ m) =>
      m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : '';
    throw new Error(errors.map((m) => `${where(m)}${m.text}`).join('\n'));
  });
  const files = [
    // the workspace's own files (not node_modules, not the plugin's virtual `command-bundle:` modules)
    ...Object.keys(result.metafile.inputs).filter(
      (file) => !file.includes('node_modules/') && !file.includes(':'),
    ),
    ...BUILD_INPUTS,
  ];
  /** @type {TManifest['inputs']} */
  const inputs = files.map((file) => {
    const s = statSync(path.join(ROOT, file));
    // a file written while esbuild read it may be in the bundle in its older form: check it next time
    return [file, s.mtimeMs >= startedAt - 1000 ? 0 : s.mtimeMs, s.size];
  });
  /** @type {TManifest} */
  const manifest = { entry, inputs };
  writeAtomically(MANIFEST, JSON.stringify(manifest));
  removeOldBuilds(id);
  return manifest;
}

/** @param {string} current */
function removeOldBuilds(current) {
  for (const entry of readdirSync(DIST, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('build-') || entry.name === current) continue;
    const dir = path.join(DIST, entry.name);
    if (Date.now() - statSync(dir).mtimeMs > OLD_BUILD_GRACE_MS)
      rmSync(dir, { recursive: true, force: true });
  }
}

/** Code caches compiled in this run, written once the command is done (not before its output). */
const pendingCaches = new Map();
/** The bundles loaded in this process, by file: each runs once, as a required module would. */
const loadedBundles = new Map();

/**
 * Compiles and runs the bundle at `file` as a CommonJS module, with V8's code cache beside it when it
 * has one; without a usable cache, it keeps the code compiled while the modules initialised (whatever
 * the command, so every command finds the same cache) for `storeCaches`. The bundle's `require` of a
 * sibling bundle (`./bulletin.cjs`) loads it the same way.
 * @param {string} file
 * @returns {Record<string, unknown>} its exports
 */
function loadBundle(file) {
  const loaded = loadedBundles.get(file);
  if (loaded) return loaded;
  const cacheFile = `${file}.cache`;
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const nodeRequire = createRequire(file);
  const bundleRequire = Object.assign(
    (/** @type {string} */ id) =>
      /^\.\/[\w-]+\.cjs$/.test(id) ? loadBundle(path.join(path.dirname(file), id)) : nodeRequire(id),
    nodeRequire,
  );
  const module = { exports: /** @type {Record<string, unknown>} */ ({}) };
  loadedBundles.set(file, module.exports);
  script.runInThisContext()(module.exports, bundleRequire, module, file, path.dirname(file));
  loadedBundles.set(file, module.exports);
  if (cachedData === undefined || script.cachedDataRejected === true)
    pendingCaches.set(cacheFile, script.createCachedData());
  return module.exports;
}

/** Writes the code caches compiled in this run; a read-only checkout simply compiles again next time. */
function storeCaches() {
  for (const [file, data] of pendingCaches) {
    try {
      writeAtomically(file, data);
    } catch {
      // not writable: the next run compiles again
    }
  }
  pendingCaches.clear();
}

/**
 * Runs the command line on `argv` from the current bundle (built first when missing or stale) and
 * returns its exit code.
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
export async function runCli(argv) {
  let manifest = readManifest();
  if (!isFresh(manifest)) manifest = await buildCli();
  const bundle = loadBundle(path.join(DIST, /** @type {TManifest} */ (manifest).entry));
  const main = /** @type {(argv: string[]) => Promise<number>} */ (bundle.main);
  const code = await main(argv);
  storeCaches();
  return code;
}
