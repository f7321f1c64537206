import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assessQuarter, parseScenarioDocument, RulesError } from '@chuangkou/rules';

/** Where a relative path given on the command line is meant to start: the caller's directory. */
export function callerPath(file: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export class CliError extends Error {}

function readInput(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(callerPath(file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the file${code ? ` (${code})` : ''}`);
  }
}

/**
 * `assess FILE`: one scenario document (as examples/worked-example.json) in, the result JSON out. FILE may be `-` for
 * standard input.
 */
export function runAssess(args: string[], out: (s: string) => void): void {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0)
    throw new CliError('usage: assess FILE (or - for standard input)');
  const text = readInput(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`input: not valid JSON (${(e as Error).message})`);
  }
  const { policy, scenario } = parseScenarioDocument(json);
  out(`${JSON.stringify(assessQuarter(policy, scenario), null, 2)}\n`);
}

export { RulesError };
