import { Command as Program, CommanderError } from 'commander';
import { PLANGRAPH_VERSION } from '#api/version.ts';
import { isAppError } from '#errors/app-error.ts';
import type { CliIo, Command } from './command.ts';
import { COMMANDS, ENVIRONMENT, type CommandEntry } from './command-table.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { stopProgressBars } from './open-progress.ts';

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTty: process.stderr.isTTY === true,
};

/** Examples and environment variables, after commander's usage, arguments and options. */
function helpFooter(entry: CommandEntry): string {
  const lines = ['', 'Examples:', ...entry.examples.map((e) => `  $ ${e}`)];
  if (entry.env.length > 0) {
    const width = Math.max(...entry.env.map((name) => name.length));
    lines.push('', 'Environment (also read from ./.env):');
    for (const name of entry.env) lines.push(`  ${name.padEnd(width)}  ${ENVIRONMENT[name] ?? ''}`);
  }
  return lines.join('\n');
}

/** Runs a loaded command; errors are mapped here, once, to a message and an exit code. */
async function runCommand(command: Command, argv: string[], io: CliIo): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    if (isAppError(error)) {
      io.err(`plangraph ${command.name}: ${error.message} [${error.code}]`);
      return exitCodeFor(error.code);
    }
    io.err(
      `plangraph ${command.name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.INTERNAL;
  } finally {
    stopProgressBars();
  }
}

/**
 * The command line as commander sees it: generated help (options, examples, environment) for
 * every command, --version, and suggestions for mistyped commands and options. Each command's
 * module is imported only when it runs, and parses its own arguments again (node:util
 * parseArgs + zod), so its checks stay beside its code.
 */
function createProgram(io: CliIo, rest: string[], done: (code: number) => void): Program {
  const program = new Program('plangraph')
    .description('Chinese government work reports → a Neo4j knowledge graph with a GraphQL API')
    .version(PLANGRAPH_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help of a command')
    .addHelpText(
      'after',
      '\nExamples:\n  $ plangraph up\n  $ plangraph extract report.txt --out report.json\n  $ plangraph serve --port 4001\n\n' +
        'plangraph <command> --help shows its options, examples and environment variables.',
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({ sortSubcommands: false })
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
      outputError: (text, write) => write(`plangraph: ${text.replace(/^error: /, '')}`),
    });
  for (const entry of COMMANDS) {
    const sub = program
      .command(entry.name)
      .description(entry.summary)
      .helpOption('-h, --help', 'show this help')
      .showHelpAfterError(`(plangraph ${entry.name} --help shows its arguments and options)`);
    if (entry.args) sub.argument(entry.args);
    for (const option of entry.options) sub.option(option.flags, option.description);
    sub.addHelpText('after', helpFooter(entry)).action(async () => {
      done(await runCommand(await entry.load(), rest, io));
    });
  }
  return program;
}

/**
 * Runs one CLI command and returns its exit code: 0 for help and --version, 2 for an unknown
 * command or option (with a suggestion), else the command's own code.
 */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = createProgram(io, argv.slice(1), (c) => (code = c));
  if (argv.length === 0) {
    io.out(program.helpInformation().trimEnd());
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw error;
  }
  return code;
}
