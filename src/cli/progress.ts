import type { CliIo } from './command.ts';

/** A one-line progress bar on a terminal; plain log lines otherwise (pipes, CI). */
export function createProgress(io: CliIo, total: number, label: string) {
  let done = 0;
  return {
    tick(message: string) {
      done += 1;
      if (io.isTty) {
        const width = 24;
        const filled = Math.round((done / total) * width);
        process.stderr.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${message.slice(0, 60).padEnd(60)}`,
        );
        if (done === total) process.stderr.write('\n');
      } else io.err(`${label} ${done}/${total} ${message}`);
    },
  };
}
