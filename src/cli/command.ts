import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { AppError } from '#errors/app-error.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress bars only then, plain lines otherwise. */
  isTty: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

type Issue = z.core.$ZodRawIssue;

/** `--port`, or `arguments` for the positionals. */
const subject = (path: PropertyKey[] | undefined) => {
  const [first] = path ?? [];
  return first === undefined || first === 'positionals' ? 'arguments' : `--${String(first)}`;
};

/**
 * A sentence for a person, used where a schema gives no message of its own: `--port must be a
 * number`, `expected at least 1 argument`, instead of zod's `Invalid input: expected number,
 * received NaN`.
 */
export function describeIssue(issue: Issue): string {
  const who = subject(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${who} is required`;
      return who === 'arguments'
        ? 'unexpected arguments'
        : `${who} must be ${issue.expected === 'number' ? 'a number' : `a ${String(issue.expected)}`}`;
    case 'too_small':
      return who === 'arguments'
        ? `expected at least ${String(issue.minimum)} argument${Number(issue.minimum) === 1 ? '' : 's'}`
        : `${who} must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return who === 'arguments'
        ? `expected at most ${String(issue.maximum)} argument${Number(issue.maximum) === 1 ? '' : 's'}`
        : `${who} must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `${who} must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return `${who} is not valid`;
  }
}

/**
 * Parses argv with node:util parseArgs, then checks the result with a zod schema.
 * @throws AppError BAD_USER_INPUT naming the bad option and the usage line.
 */
export function parseCommandArgs<S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
): z.infer<S> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError(`${(error as Error).message}\nusage: ${usage}`, 'BAD_USER_INPUT', { cause: error });
  }
  const checked = schema.safeParse(
    { ...parsed.values, positionals: parsed.positionals },
    { error: (issue) => describeIssue(issue) },
  );
  if (!checked.success) {
    // Ours name their subject; a schema's own message about an option gets its name in front.
    const problems = checked.error.issues
      .map((i) => {
        const who = subject(i.path);
        return who === 'arguments' || i.message.startsWith(who) ? i.message : `${who}: ${i.message}`;
      })
      .join('; ');
    throw new AppError(`${problems}\nusage: ${usage}`, 'BAD_USER_INPUT');
  }
  return checked.data;
}

export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
