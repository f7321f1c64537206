import ts from 'typescript';

/** How a module is reached from a file. */
export type TImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals' | 'type-query';

/** One module a file reaches, read from its syntax tree. */
export interface TModuleImport {
  /** the module specifier; null when it is computed (`import(name)`, `require(name)`) */
  specifier: string | null;
  kind: TImportKind;
  /**
   * Erased from the emitted JavaScript: `import type …`, `export type … from`, `import('x').T` in a
   * type. `import { type A } from 'x'` is not: under `verbatimModuleSyntax` it stays `import {} from 'x'`
   * and loads the module.
   */
  isTypeOnly: boolean;
  /** 1-based */
  line: number;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (fileName.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** The text of a string literal argument, or null for anything computed. */
function literalText(node: ts.Node | undefined): string | null {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return null;
}

/**
 * Every module `text` reaches: static imports and re-exports, `import x = require()`, dynamic
 * `import()`, `require()` calls and `import('x')` type queries, in source order.
 *
 * @example
 * moduleImportsOf('a.ts', "import type { A } from '@chuangkou/api';")
 * // [{ specifier: '@chuangkou/api', kind: 'import', isTypeOnly: true, line: 1 }]
 */
export function moduleImportsOf(fileName: string, text: string): TModuleImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  const out: TModuleImport[] = [];
  const add = (node: ts.Node, specifier: string | null, kind: TImportKind, isTypeOnly: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push({ specifier, kind, isTypeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, literalText(node.moduleSpecifier), 'import', node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, literalText(node.moduleSpecifier), 'export', node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, literalText(node.moduleReference.expression), 'import-equals', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      const specifier = ts.isLiteralTypeNode(argument) ? literalText(argument.literal) : null;
      add(node, specifier, 'type-query', true);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node, literalText(node.arguments[0]), 'dynamic', false);
      } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        add(node, literalText(node.arguments[0]), 'require', false);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
