/** An empty SVG chart `width` wide and `height` high, and a way to add shapes and text to it. */
export function svgChart(
  id: string,
  width: number,
  height: number,
  label: string,
): { svg: SVGSVGElement; add: (tag: string, attrs: Record<string, string | number>, text?: string) => SVGElement } {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('id', id);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(ns, tag) as SVGElement;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  return { svg, add };
}
