import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { listSourceFiles } from './source-files.ts';

/** An assertion that passes on an empty list, where it is and what to do. */
export interface TVacuousAssertion {
  file: string;
  line: number;
  message: string;
}

/**
 * Test files exempted from the check until their suites assert lengths; remove an entry once its
 * file passes (a test fails while an entry is no longer needed).
 */
export const EXEMPT_TEST_FILES: readonly string[] = [];

const isTestFileName = (file: string) => /\.test\.[cm]?[jt]sx?$/.test(file);

/** `expect(x)` → x; otherwise null. */
function expectArgument(node: ts.Node): ts.Expression | null {
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'expect' &&
    node.arguments.length >= 1
  )
    return node.arguments[0]!;
  return null;
}

/** The matcher applied to `expect(…)`: its name, whether `.not` precedes it, and its first argument. */
function matcherOf(
  expectCall: ts.CallExpression,
): { name: string; isNot: boolean; arg?: ts.Expression } | null {
  let access = expectCall.parent;
  let isNot = false;
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'not') {
    isNot = true;
    access = access.parent;
  }
  if (!ts.isPropertyAccessExpression(access) || !ts.isCallExpression(access.parent)) return null;
  return { name: access.name.text, isNot, arg: access.parent.arguments[0] };
}

const isLiteral = (e: ts.Expression | undefined, kind: ts.SyntaxKind) => e?.kind === kind;
const isZero = (e: ts.Expression | undefined) => !!e && ts.isNumericLiteral(e) && Number(e.text) === 0;

/** What the matcher expects of a boolean: true, false, or neither (another matcher). */
function expectedBoolean(m: { name: string; isNot: boolean; arg?: ts.Expression }): boolean | null {
  let expected: boolean | null = null;
  if (['toBe', 'toEqual', 'toStrictEqual'].includes(m.name)) {
    if (isLiteral(m.arg, ts.SyntaxKind.TrueKeyword)) expected = true;
    if (isLiteral(m.arg, ts.SyntaxKind.FalseKeyword)) expected = false;
  }
  if (m.name === 'toBeTruthy') expected = true;
  if (m.name === 'toBeFalsy') expected = false;
  return expected === null ? null : m.isNot ? !expected : expected;
}

/** Whether `expect(arg)…` proves that the list written `list` is not empty. */
function provesNonEmpty(
  arg: ts.Expression,
  m: { name: string; isNot: boolean; arg?: ts.Expression },
  list: string,
  source: ts.SourceFile,
): boolean {
  const text = arg.getText(source).replace(/\s+/g, '');
  // a list derived from it (`list.map(…)`) that is not empty, or `list.some(…)` true / `list.every(…)` false
  if (
    ts.isCallExpression(arg) &&
    ts.isPropertyAccessExpression(arg.expression) &&
    arg.expression.expression.getText(source).replace(/\s+/g, '') === list
  ) {
    const method = arg.expression.name.text;
    if (['map', 'filter', 'flatMap'].includes(method))
      return provesNonEmpty(arg, m, arg.getText(source).replace(/\s+/g, ''), source);
    if (method === 'some') return expectedBoolean(m) === true;
    if (method === 'every') return expectedBoolean(m) === false;
  }
  if (text === list) {
    if (m.name === 'toHaveLength') return m.isNot ? isZero(m.arg) : !!m.arg && !isZero(m.arg);
    if (m.isNot && ['toEqual', 'toStrictEqual'].includes(m.name))
      return !!m.arg && ts.isArrayLiteralExpression(m.arg) && m.arg.elements.length === 0;
    if (!m.isNot && ['toEqual', 'toStrictEqual'].includes(m.name))
      return !!m.arg && ts.isArrayLiteralExpression(m.arg) && m.arg.elements.length > 0;
    return false;
  }
  if (text === `${list}.length`) {
    if (m.isNot) return ['toBe', 'toEqual', 'toStrictEqual'].includes(m.name) && isZero(m.arg);
    if (m.name === 'toBeGreaterThan') return !!m.arg && ts.isNumericLiteral(m.arg) && Number(m.arg.text) >= 0;
    if (m.name === 'toBeGreaterThanOrEqual')
      return !!m.arg && ts.isNumericLiteral(m.arg) && Number(m.arg.text) >= 1;
    if (['toBe', 'toEqual', 'toStrictEqual'].includes(m.name))
      return !!m.arg && ts.isNumericLiteral(m.arg) && !isZero(m.arg);
  }
  return false;
}

/** A name or a chain of property names (`rows`, `bulletin.rows`): something a test can assert on twice. */
function isNamedList(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return true;
  return ts.isPropertyAccessExpression(e) && isNamedList(e.expression);
}

/**
 * Every `expect(list.every(…))` expected true and `expect(list.some(…))` expected false in `text`
 * whose list has no length assertion before it in the same test: both pass on an empty list without
 * checking anything.
 */
export function vacuousAssertionsOf(fileName: string, text: string): TVacuousAssertion[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: TVacuousAssertion[] = [];
  const visit = (node: ts.Node): void => {
    const arg = expectArgument(node);
    if (
      arg &&
      ts.isCallExpression(arg) &&
      ts.isPropertyAccessExpression(arg.expression) &&
      ['every', 'some'].includes(arg.expression.name.text)
    ) {
      const method = arg.expression.name.text;
      const m = matcherOf(node as ts.CallExpression);
      const expected = m ? expectedBoolean(m) : null;
      const isVacuousWhenEmpty =
        (method === 'every' && expected === true) || (method === 'some' && expected === false);
      if (isVacuousWhenEmpty) {
        const receiver = arg.expression.expression;
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const list = receiver.getText(source).replace(/\s+/g, '');
        if (!isNamedList(receiver)) {
          out.push({
            file: fileName,
            line,
            message: `.${method}() over an unnamed list: name it and assert its length first`,
          });
        } else if (!hasLengthAssertionBefore(node, list, source)) {
          out.push({
            file: fileName,
            line,
            message: `.${method}() over ${list}, whose length is not asserted before: it passes on an empty list`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Whether a length assertion on `list` precedes `at` inside the function (the test) holding it. */
function hasLengthAssertionBefore(at: ts.Node, list: string, source: ts.SourceFile): boolean {
  let scope: ts.Node = at.parent;
  while (!ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let isFound = false;
  const visit = (node: ts.Node): void => {
    if (isFound || node.getStart(source) >= at.getStart(source)) return;
    const arg = expectArgument(node);
    if (arg) {
      const m = matcherOf(node as ts.CallExpression);
      if (m && provesNonEmpty(arg, m, list, source)) isFound = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return isFound;
}

/** Every vacuous assertion in the test files under `root`, exempted files aside. */
export function checkAssertions(root: string): { files: number; findings: TVacuousAssertion[] } {
  const files = listSourceFiles(root).filter(isTestFileName);
  const findings: TVacuousAssertion[] = [];
  for (const file of files) {
    if (EXEMPT_TEST_FILES.includes(file)) continue;
    findings.push(...vacuousAssertionsOf(file, readFileSync(path.join(root, file), 'utf8')));
  }
  return { files: files.length, findings };
}
