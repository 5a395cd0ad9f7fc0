// Place.indicators lists the indicators whose subject is the place: those of reports about it
// and those whose own clause names it. Two made-up reports: a province that states its GDP in the
// sentence that names one of its cities, and that city's own report, which never writes its name.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { deleteReport } from '../../src/store/delete-report.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { wipeData } from '../support/wipe.ts';

const report = (meeting: string, speaker: string, review: string, plan: string) =>
  `政府工作报告
——2026年1月20日在${meeting}人民代表大会第五次会议上
${speaker}
各位代表：
现在，我代表人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
${review}
二、2026年工作安排
${plan}
`;
const province = extractReportGraph(
  report(
    '广东省第十四届',
    '广东省省长 张三',
    '过去一年，全省地区生产总值增长4.1%。深圳市地区生产总值增长5.2%，广州市持续推进城市更新。',
    '今年主要预期目标是：全省地区生产总值增长5%左右，深圳市加快建设先行示范区。',
  ),
);
const city = extractReportGraph(
  report(
    '深圳市第七届',
    '深圳市市长 李四',
    '过去一年，全市地区生产总值增长5.2%。',
    '今年主要预期目标是：地区生产总值增长5.5%左右。',
  ),
);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  for (const g of [province, city]) await loadReportGraph(api.store.executor, g);
});
afterAll(() => api.stop());

const indicatorsOf = async (id: string) => {
  const { body } = await api.gql(
    `query($id: ID!) { node(id: $id) { ... on Place { name level indicators(first: 100) { text report { id region { name } } } } } }`,
    { id },
  );
  expect(body.errors).toBeUndefined();
  return body.data.node;
};

test('the made-up reports read as intended', () => {
  expect(province.report.region).toMatchObject({ code: '44', level: 'province' });
  expect(city.report.region).toMatchObject({ code: '4403', level: 'city' });
  expect(city.places.map((p) => p.id)).not.toContain('place:4403');
  expect(province.indicators.map((i) => i.text)).toEqual([
    '全省地区生产总值增长4.1%',
    '深圳市地区生产总值增长5.2%',
    '全省地区生产总值增长5%左右',
  ]);
});

test("a province's indicators are its report's", async () => {
  const gd = await indicatorsOf('place:44');
  expect(gd.level).toBe('province');
  expect(gd.indicators.map((i: any) => i.text)).toEqual(province.indicators.map((i) => i.text));
});

test("a city's are its own report's and the clauses that name it, never the province's GDP", async () => {
  const sz = await indicatorsOf('place:4403');
  expect(sz).toMatchObject({ name: '深圳市', level: 'city' });
  const texts = sz.indicators.map((i: any) => i.text);
  expect(texts).toContain('深圳市地区生产总值增长5.2%');
  for (const i of city.indicators) expect(texts).toContain(i.text);
  expect(texts).toHaveLength(city.indicators.length + 1);
  expect(texts).not.toContain('全省地区生产总值增长4.1%');
  expect(texts).not.toContain('全省地区生产总值增长5%左右');
});

test('a city named only beside a figure of its province has none', async () => {
  const gz = await indicatorsOf('place:4401');
  expect(gz.indicators).toEqual([]);
});

test("the city's report has its region as a Place although it never writes its name, and sits within the province", async () => {
  const { body } = await api.gql(
    `{ reports(where: { within: "place:44" }, orderBy: [{ field: REGION }]) { nodes { regionName region { id level } } } }`,
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.reports.nodes).toEqual([
    { regionName: '广东省', region: { id: 'place:44', level: 'province' } },
    { regionName: '深圳市', region: { id: 'place:4403', level: 'city' } },
  ]);
});

test('deleting a report keeps a region Place while a report is about it, and removes it after', async () => {
  const place = async (id: string) =>
    (await api.store.executor.read({ text: 'MATCH (p:Place {id: $id}) RETURN p.id AS id', params: { id } })).length;
  await deleteReport(api.store.executor, province.report.id);
  // 深圳市 is no longer named by any report, but the city's report is about it.
  expect(await place('place:4403')).toBe(1);
  expect(await place('place:44')).toBe(0);
  await deleteReport(api.store.executor, city.report.id);
  expect(await place('place:4403')).toBe(0);
});
