// The place hierarchy is complete for every report in seeds/: the gazetteer knows each region,
// the loader has it as a Place (merged, or the report's own), and every gazetteer place of the
// report under the region's code reaches the region over PART_OF (the extractor's links and the
// loader's region links together).
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { regionPlace } from '../../src/store/region-place.ts';
import { corpusFiles } from '../support/fixtures.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';

const graphs = () => [extractSeed(), ...corpusFiles().map((f) => extractCorpus(path.basename(f)))];

describe('region places over seeds/', () => {
  test.each(graphs().map((g) => [g.report.region.name, g] as const))('%s', (_, graph) => {
    const code = graph.report.region.code;
    expect(code, 'the gazetteer knows the region').toBeTruthy();
    const regionId = `place:${code}`;
    const { place, relationships } = regionPlace(graph);
    expect(place !== null || graph.places.some((p) => p.id === regionId)).toBe(true);
    if (place) expect(place).toMatchObject({ id: regionId, code, type: graph.report.region.level });
    const parent = new Map<string, string>();
    for (const r of relationships) if (r.type === 'PART_OF') parent.set(r.from, r.to);
    const under = graph.places.filter((p) => p.code?.startsWith(code!) && p.id !== regionId);
    expect(under.length).toBeGreaterThan(0);
    for (const p of under) {
      let at: string | undefined = p.id;
      for (let hops = 0; at && at !== regionId && hops < 8; hops++) at = parent.get(at);
      expect(at, `${p.name} reaches ${graph.report.region.name}`).toBe(regionId);
    }
  });
});

test('a town of a county-level city that never writes its own name goes under the city, and the city under its province', () => {
  const graph = extractReportGraph(`政府工作报告
——2026年1月20日在天门市第十届人民代表大会第五次会议上
天门市市长 王五
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，岳口镇工业园区加快建设，全力融入湖北省产业集群。
`);
  const code = graph.report.region.code!;
  const town = graph.places.find((p) => p.code?.startsWith(code) && p.code !== code)!;
  expect(town, 'the text names a town of the region').toBeDefined();
  expect(graph.places.map((p) => p.id)).not.toContain(`place:${code}`);
  expect(town.parentId).toBe(`place:${code.slice(0, 2)}`); // the extractor's nearest named ancestor
  const { place, relationships } = regionPlace(graph);
  expect(place).toMatchObject({ id: `place:${code}`, name: '天门市' });
  const partOf = relationships.filter((r) => r.type === 'PART_OF').map((r) => [r.from, r.to]);
  expect(partOf).toEqual(
    expect.arrayContaining([
      [town.id, `place:${code}`],
      [`place:${code}`, `place:${code.slice(0, 2)}`],
    ]),
  );
  expect(partOf).not.toContainEqual([town.id, `place:${code.slice(0, 2)}`]);
});
