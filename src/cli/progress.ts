import cliProgress from 'cli-progress';
import type { CliIo } from './command.ts';
import { openProgress as open } from './open-progress.ts';

/** Progress over `total` units (reports): whole units with tick, parts of the current one with update. */
export interface Progress {
  /** One unit is done; `message` is printed whole on its own line (report id, counts). */
  tick(message: string): void;
  /** How far the current unit is (0–1), with what it is doing: moves the bar between ticks. */
  update(fraction: number, detail?: string): void;
  /** Ends the bar and prints the summary (called by the last tick, or early on failure). */
  finish(): void;
}

export { stopProgressBars } from './open-progress.ts';

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * A progress bar on a terminal (cli-progress: elapsed time, rate and ETA, redrawn while a unit
 * runs; each finished unit's line printed in full above it); plain lines otherwise (pipes, CI):
 * `label done/total message`. Both end with a summary: `label: 11 reports in 12.3 s (0.9/s)`.
 */
export function createProgress(io: CliIo, total: number, label: string, unit = 'reports'): Progress {
  const started = Date.now();
  let done = 0;
  let finished = false;
  const multibar = io.isTty
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          format: `${label} {bar} {count}/{total} | {elapsed} s elapsed | {rate}/s | ETA {eta_formatted} | {detail}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 5,
          autopadding: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const payload = (detail: string) => {
    const elapsed = (Date.now() - started) / 1000;
    return { count: done, elapsed: elapsed.toFixed(1), rate: elapsed > 0 ? (done / elapsed).toFixed(2) : '0', detail };
  };
  const bar = multibar?.create(total, 0, payload(''));
  const progress: Progress = {
    tick(message) {
      done += 1;
      if (bar && multibar) {
        multibar.log(`${message}\n`);
        bar.update(done, payload(''));
      } else io.err(`${label} ${done}/${total} ${message}`);
      if (done >= total) progress.finish();
    },
    update(fraction, detail = '') {
      bar?.update(done + Math.min(Math.max(fraction, 0), 1), payload(detail));
    },
    finish() {
      if (finished) return;
      finished = true;
      open.delete(progress);
      multibar?.stop();
      const ms = Date.now() - started;
      const rate = ms > 0 ? (done / (ms / 1000)).toFixed(2) : String(done);
      io.err(`${label}: ${done} of ${total} ${unit} in ${seconds(ms)} s (${rate}/s)`);
    },
  };
  open.add(progress);
  return progress;
}
