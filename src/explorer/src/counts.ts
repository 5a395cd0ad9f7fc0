/**
 * "12 results", or "showing 40 of 120 results" when a list shows fewer than there are: wherever
 * the explorer cuts a list (a page of search hits, a neighbourhood at its node limit, a filtered
 * table), the total comes with it. A total that is not known (null) says only what is shown.
 */
export function countText(
  shown: number,
  total: number | null,
  unit: string,
  words: { showing: string; of: string },
): string {
  if (total === null || total <= shown) return `${shown} ${unit}`;
  return `${words.showing} ${shown} ${words.of} ${total} ${unit}`;
}
