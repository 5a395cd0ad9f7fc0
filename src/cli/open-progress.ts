/** Progress bars still drawn; kept apart from progress.ts so main.ts need not load cli-progress. */
export const openProgress = new Set<{ finish(): void }>();

/** Stops every bar still drawn (a command that failed half-way), so none keeps the process alive. */
export function stopProgressBars(): void {
  for (const progress of openProgress) progress.finish();
}
