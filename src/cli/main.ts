import { isAppError } from '#errors/app-error.ts';
import type { CliIo, Command } from './command.ts';
import { wantsHelp } from './command.ts';
import { deleteCommand } from './commands/delete.ts';
import { evalCommand } from './commands/eval.ts';
import { exportCommand } from './commands/export.ts';
import { extractCommand } from './commands/extract.ts';
import { ingestCommand } from './commands/ingest.ts';
import { migrateCommand } from './commands/migrate.ts';
import { neo4jCommand } from './commands/neo4j.ts';
import { serveCommand } from './commands/serve.ts';
import { statsCommand } from './commands/stats.ts';
import { upCommand } from './commands/up.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';

const COMMANDS: Command[] = [
  upCommand,
  extractCommand,
  ingestCommand,
  deleteCommand,
  serveCommand,
  exportCommand,
  statsCommand,
  evalCommand,
  neo4jCommand,
  migrateCommand,
];

function printHelp(io: CliIo): void {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  io.out(
    [
      'plangraph: Chinese government work reports → a Neo4j knowledge graph with a GraphQL API',
      '',
      'usage: plangraph <command> [options]   (plangraph <command> --help for its options)',
      '',
      ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ].join('\n'),
  );
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: process.stderr.isTTY === true,
};

/**
 * Runs one CLI command and returns its exit code. Errors are mapped here, once: an AppError
 * prints its message on one line (plus detail lines it carries) and exits with its code's
 * number; anything else is unexpected and exits 1 with its stack.
 */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printHelp(io);
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`plangraph: unknown command "${name}" (try plangraph --help)`);
    return EXIT.USAGE;
  }
  if (wantsHelp(rest)) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return EXIT.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isAppError(error)) {
      io.err(`plangraph ${name}: ${error.message} [${error.code}]`);
      return exitCodeFor(error.code);
    }
    io.err(
      `plangraph ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.INTERNAL;
  }
}
