import { z } from 'zod';
import { CliError, RulesError, runAssess } from './commands/assess.ts';

// A command runs once: compiling zod's fast parsers (`new Function`) would cost more than it saves.
z.config({ jitless: true });

const USAGE = `chuangkou — 窗口服务考核 command line

  assess FILE         assess one quarter from a scenario (as examples/worked-example.json); FILE may be - for stdin
  bulletin KIND …     write an Excel bulletin from the database (bulletin --help for the kinds)
  cases import|overdue …  import handled cases, or list the open cases' alerts (cases --help)
  import KIND FILE …  import a spreadsheet (cases, calendar, roster; CSV or XLSX; --dry-run, --template FILE)
  init --center NAME --admin USER [--code CODE]  a new center and its first center administrator (one-time password)
  platform-admin create USERNAME [--center CODE]  create a platform administrator (one-time password)
`;

/** Runs one command; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'assess':
        runAssess(args, (s) => process.stdout.write(s));
        return 0;
      case 'bulletin': {
        // loaded on demand: assess stays free of the database and exceljs
        const { runBulletin } = await import('./commands/bulletin.ts');
        return await runBulletin(args);
      }
      case 'cases': {
        const { runCases } = await import('./commands/cases.ts');
        return await runCases(args);
      }
      case 'import': {
        const { runImport } = await import('./commands/import.ts');
        return await runImport(args);
      }
      case 'init': {
        const { runInit } = await import('./commands/init.ts');
        return await runInit(args);
      }
      case 'platform-admin': {
        const { runPlatformAdmin } = await import('./commands/platform-admin.ts');
        return await runPlatformAdmin(args);
      }
      case undefined:
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    const message =
      e instanceof RulesError || e instanceof CliError ? e.message : `internal error: ${String(e)}`;
    // one line, whatever the message held
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
    return 1;
  }
}

// run directly from the sources (`tsx apps/cli/src/main.ts …`); bin/chuangkou.mjs calls `main` itself
if (import.meta.url === `file://${process.argv[1]}`) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
