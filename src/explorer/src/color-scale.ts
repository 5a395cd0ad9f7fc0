/** The map's sequential colours, light (lowest value) to dark (highest); regions without a value are NO_VALUE. */
export const LOW = '#9ecae1';
export const HIGH = '#08306b';
export const NO_VALUE = '#e1e4e8';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A colour for each value between min and max (one value alone gets the middle colour). */
export function colorScale(min: number, max: number): (value: number) => string {
  const [a, b] = [rgb(LOW), rgb(HIGH)];
  return (value) => {
    const f = max > min ? Math.max(0, Math.min(1, (value - min) / (max - min))) : 0.5;
    return `#${a
      .map((c, i) =>
        Math.round(c + (b[i]! - c) * f)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  };
}
