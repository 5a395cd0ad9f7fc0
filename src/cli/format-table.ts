import stringWidth from 'string-width';

/**
 * A plain-text table: the first column left-aligned, the others (numbers) right-aligned, widths
 * measured in terminal columns by string-width, so 天门市 counts six columns, not three.
 */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => stringWidth(row[i] ?? ''))));
  return cells
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - stringWidth(cell));
          return i === 0 ? cell + pad : pad + cell;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
