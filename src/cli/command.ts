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

/**
 * Parses argv with node:util parseArgs, then checks the result with a zod schema.
 * @throws AppError BAD_INPUT naming the bad option and the usage line.
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
    throw new AppError(`${(error as Error).message}\nusage: ${usage}`, 'BAD_INPUT', { cause: error });
  }
  const checked = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    throw new AppError(`${problems}\nusage: ${usage}`, 'BAD_INPUT');
  }
  return checked.data;
}

export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
