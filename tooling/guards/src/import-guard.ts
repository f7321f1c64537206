import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import {
  FLOORS,
  RULES_FORBIDDEN_GLOBALS,
  RULES_FORBIDDEN_PACKAGES,
  TRPC_INTERNALS,
  WEB_FORBIDDEN_PACKAGES,
  WEB_TYPE_ONLY,
} from './import-rules.ts';
import { moduleImportsOf, type TModuleImport } from './module-imports.ts';
import { isTestFile, listSourceFiles } from './source-files.ts';

/** One refused import (or use of a global), where it is and why. */
export interface TViolation {
  /** relative to the repository root, `/` separators */
  file: string;
  line: number;
  rule: 'rules-pure' | 'web-types-only' | 'floors' | 'trpc-internals';
  message: string;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || isBuiltin(specifier);

/** The workspace package directory (`packages/db`) holding `file`, if any. */
function packageDirOf(file: string): string | null {
  const dir = file.split('/').slice(0, 2).join('/');
  return Object.hasOwn(FLOORS, dir) ? dir : null;
}

/** Names the file declares anywhere (variables, parameters, functions, classes, imports). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isImportClause(node) ||
        ts.isImportSpecifier(node) ||
        ts.isNamespaceImport(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Uses of `globals` as free names (not a property, a key or a local of that name), with their lines. */
export function freeGlobalsOf(
  fileName: string,
  text: string,
  globals: readonly string[],
): { name: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const declared = declaredNames(source);
  const wanted = new Set(globals.filter((g) => !declared.has(g)));
  const out: { name: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isPropertySignature(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isMethodSignature(parent) ||
          ts.isGetAccessor(parent) ||
          ts.isSetAccessor(parent) ||
          ts.isEnumMember(parent)) &&
          parent.name === node);
      if (!isName)
        out.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The dependencies a package declares in its package.json. */
function declaredDependencies(root: string, packageDir: string): Set<string> {
  const file = path.join(root, packageDir, 'package.json');
  if (!existsSync(file)) return new Set();
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

interface TContext {
  file: string;
  packageDir: string | null;
  isShipped: boolean;
  rulesDependencies: Set<string>;
}

/** packages/rules: the domain, with no I/O. Everything it reaches must be pure. */
function checkRulesPure(imp: TModuleImport, c: TContext): string | null {
  const s = imp.specifier;
  if (s === null) return `a computed ${imp.kind === 'require' ? 'require()' : 'import()'} cannot be checked`;
  if (imp.kind === 'require') return `require("${s}"): packages/rules loads nothing at run time`;
  if (isRelative(s)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(c.file), s));
    return target.startsWith('packages/rules/src/') ? null : `"${s}" reaches outside packages/rules/src`;
  }
  if (isNodeBuiltin(s)) return `Node's "${s}" reaches the host (files, network, processes, clock)`;
  const name = packageNameOf(s);
  if (name.startsWith('@chuangkou/'))
    return `"${s}": packages/rules is the bottom floor and imports no other package`;
  if (RULES_FORBIDDEN_PACKAGES.includes(name)) return `"${s}" does I/O or renders`;
  if (!c.rulesDependencies.has(name)) return `"${s}" is not a dependency of packages/rules`;
  return null;
}

/** apps/web: only types from the api and tRPC's server; nothing from the database or Node. */
function checkWeb(imp: TModuleImport): string | null {
  const s = imp.specifier;
  if (s === null) return `a computed ${imp.kind === 'require' ? 'require()' : 'import()'} cannot be checked`;
  if (isRelative(s)) return null; // the floors rule keeps relative paths inside the package
  if (isNodeBuiltin(s)) return imp.isTypeOnly ? null : `Node's "${s}" does not exist in the browser`;
  const name = packageNameOf(s);
  if (WEB_FORBIDDEN_PACKAGES.includes(name)) return `"${s}" is server code: the dashboard never imports it`;
  if (WEB_TYPE_ONLY.includes(name) && !imp.isTypeOnly)
    return `a value import of "${s}" bundles server code into the page: use \`import type\``;
  return null;
}

/** Every package: relative paths stay inside it; workspace packages only from a floor below. */
function checkFloors(imp: TModuleImport, c: TContext): string | null {
  const s = imp.specifier;
  if (s === null || c.packageDir === null) return null;
  if (isRelative(s)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(c.file), s));
    return target.startsWith(`${c.packageDir}/`) ? null : `"${s}" reaches outside ${c.packageDir}`;
  }
  const name = packageNameOf(s);
  if (!name.startsWith('@chuangkou/')) return null;
  const allowed = FLOORS[c.packageDir] ?? [];
  return allowed.includes(name)
    ? null
    : `${c.packageDir} may not import "${name}" (floors: ${allowed.join(', ') || 'none'})`;
}

/**
 * Reads every source file under `root` and returns the imports that break the import rules
 * (`import-rules.ts`): packages/rules pure, the dashboard with types only from the server side, each
 * package importing only the floors below it, and no tRPC internals anywhere.
 */
export function checkImports(root: string): { files: number; violations: TViolation[] } {
  const files = listSourceFiles(root);
  const rulesDependencies = declaredDependencies(root, 'packages/rules');
  const violations: TViolation[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const packageDir = packageDirOf(file);
    const c: TContext = { file, packageDir, isShipped: !isTestFile(file), rulesDependencies };
    const isRules = c.isShipped && file.startsWith('packages/rules/src/');
    const isWeb = c.isShipped && file.startsWith('apps/web/src/');
    for (const imp of moduleImportsOf(file, text)) {
      // one refusal per import: the most specific rule that refuses it
      const refusal: [TViolation['rule'], string | null][] = [
        [
          'trpc-internals',
          imp.specifier !== null && TRPC_INTERNALS.test(imp.specifier)
            ? `"${imp.specifier}" is tRPC's internals: use its public entry points`
            : null,
        ],
        ['rules-pure', isRules ? checkRulesPure(imp, c) : null],
        ['web-types-only', isWeb ? checkWeb(imp) : null],
        ['floors', c.isShipped && !isRules ? checkFloors(imp, c) : null],
      ];
      const found = refusal.find(([, message]) => message !== null);
      if (found) violations.push({ file, line: imp.line, rule: found[0], message: found[1]! });
    }
    if (isRules)
      for (const use of freeGlobalsOf(file, text, RULES_FORBIDDEN_GLOBALS)) {
        // `require('x')` is already refused as an import
        if (violations.some((v) => v.file === file && v.line === use.line)) continue;
        violations.push({
          file,
          line: use.line,
          rule: 'rules-pure',
          message: `the global "${use.name}" reaches the host`,
        });
      }
  }
  return { files: files.length, violations };
}

/** One line per violation: `file:line  rule  message`. */
export function formatViolations(violations: readonly TViolation[]): string {
  return violations.map((v) => `${v.file}:${v.line}  ${v.rule}  ${v.message}`).join('\n');
}
