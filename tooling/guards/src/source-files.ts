import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Extensions of the files whose imports are read. */
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Directories never read: installed packages, build output, coverage (and every hidden directory). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'coverage']);

/** Whether `file` is a test or test support, which may do what the shipped code may not. */
export function isTestFile(file: string): boolean {
  const parts = file.split('/');
  return (
    /\.(test|spec|bench|fixture)\.[cm]?[jt]sx?$/.test(file) ||
    parts.includes('e2e') ||
    parts.includes('testing') ||
    parts.includes('test') ||
    parts.includes('bench')
  );
}

const isSource = (name: string) =>
  SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts');

/**
 * Every source file under `root`, as paths relative to it with `/` separators, sorted. In a git
 * checkout: the files git tracks or would add (what `.gitignore` leaves out is not the product's);
 * elsewhere (a test's temporary tree): every file outside node_modules, build output and hidden
 * directories.
 */
export function listSourceFiles(root: string): string[] {
  if (existsSync(path.join(root, '.git'))) {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return listed
      .split('\0')
      .filter((file) => file && isSource(file) && existsSync(path.join(root, file)))
      .sort();
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(rel);
      } else if (entry.isFile() && isSource(entry.name)) {
        out.push(rel);
      }
    }
  };
  walk('');
  return out.sort();
}
