import { describe, expect, test } from 'vitest';
import type { Goal, Indicator, Project } from '../../src/domain/report-graph.ts';
import { indexClauses } from '../../src/extract/links/clauses.ts';
import { measureSimilarity, normaliseMetric } from '../../src/extract/links/metric-normalise.ts';
import { linkPrevious } from '../../src/extract/links/previous.ts';
import { linkServes } from '../../src/extract/links/serves.ts';
import type { Paragraph } from '../../src/extract/outline/paragraphs.ts';
import { splitUnit } from '../../src/extract/quantities/units.ts';

// Every sentence here is made up: the rules must hold for any report, not for one.

interface FigureSpec {
  text: string;
  metric: string;
  value: number;
  unit: string;
  kind?: Indicator['kind'];
  year?: number;
  period?: string;
}

/** A tiny graph over `text`: each project, figure and designation placed where its text occurs. */
function graphOf(
  text: string,
  spec: { projects?: string[]; figures?: FigureSpec[]; goals?: { text: string; name: string; kind?: Goal['kind'] }[] },
) {
  const at = (needle: string) => {
    const s = text.indexOf(needle);
    if (s < 0) throw new Error(`not in the text: ${needle}`);
    return { start: s, end: s + needle.length };
  };
  const projects: Project[] = (spec.projects ?? []).map((name) => ({
    id: `project:${name}`,
    name,
    aliases: [],
    mentions: [{ sectionId: 'S', ...at(name) }],
  }));
  const indicators: Indicator[] = (spec.figures ?? []).map((f, i) => ({
    id: `I${i + 1}`,
    sectionId: 'S',
    kind: f.kind ?? 'target',
    year: f.year ?? 2026,
    ...(f.period ? { period: f.period } : {}),
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    baseValue: String(f.value),
    baseUnit: splitUnit(f.unit).base,
    qualifier: null,
    threshold: false,
    text: f.text,
    ...at(f.text),
  }));
  const goals: Goal[] = (spec.goals ?? []).map((g, i) => ({
    id: `G${i + 1}`,
    sectionId: 'S',
    kind: g.kind ?? 'achievement',
    year: g.kind === 'target' ? 2026 : 2025,
    name: g.name,
    action: '',
    text: g.text,
    ...at(g.text),
    occurrences: [],
  }));
  const lines: Paragraph[] = [];
  let o = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: o, end: o + line.length } as Paragraph);
    o += line.length + 1;
  }
  return { text, projects, indicators, goals, clauses: indexClauses(text, lines) };
}

const serves = (g: ReturnType<typeof graphOf>) =>
  linkServes(g)
    .map((r) => `${r.from.replace('project:', '')} → ${r.to} ${r.confidence}`)
    .sort();

describe('SERVES: only what the clause or sentence ties', () => {
  test('a figure that describes the project measures it (≥ 0.9)', () => {
    const g = graphOf('投资80亿元、全长120公里的青山高速全线贯通。', {
      projects: ['青山高速'],
      figures: [
        { text: '投资80亿元', metric: '投资', value: 80, unit: '亿元', kind: 'achievement', year: 2025 },
        { text: '全长120公里', metric: '全长', value: 120, unit: '公里', kind: 'achievement', year: 2025 },
      ],
    });
    expect(serves(g)).toEqual(['青山高速 → I1 0.95', '青山高速 → I2 0.95']);
  });

  test('a project named as one of what a figure counts (X、Y等N个项目) is an instance of it', () => {
    const g = graphOf('推进青山高铁、白水大桥等12个重大项目开工。', {
      projects: ['青山高铁', '白水大桥'],
      figures: [{ text: '12个重大项目开工', metric: '重大项目开工', value: 12, unit: '个' }],
    });
    expect(serves(g)).toEqual(['白水大桥 → I1 0.9', '青山高铁 → I1 0.9']);
  });

  test('the holders of a designation serve it; a co-item of the same list does not', () => {
    const won = graphOf('青山机场、白水电站成为国家绿色示范项目。', {
      projects: ['青山机场', '白水电站'],
      goals: [{ text: '成为国家绿色示范项目', name: '国家绿色示范项目' }],
    });
    expect(serves(won)).toEqual(['白水电站 → G1 0.9', '青山机场 → G1 0.9']);
    const listed = graphOf('加快建设青山数据基地、国家算力枢纽试点。', {
      projects: ['青山数据基地'],
      goals: [{ text: '国家算力枢纽试点', name: '国家算力枢纽试点', kind: 'target' }],
    });
    expect(serves(listed)).toEqual([]);
    const longer = graphOf('统筹建设青山物流枢纽、白水货运枢纽、骨干冷链物流基地。建设国家示范区、青山航空港。', {
      projects: ['青山物流枢纽', '青山航空港'],
      goals: [
        { text: '骨干冷链物流基地', name: '骨干冷链物流基地', kind: 'target' },
        { text: '国家示范区', name: '国家示范区', kind: 'target' },
      ],
    });
    expect(serves(longer)).toEqual([]);
  });

  test('in a multi-target sentence a project serves only the target of its own sector', () => {
    const g = graphOf(
      '推动青山高铁、白水水库等项目建设，力争交通投资超300亿元，水利投资超80亿元，制造业投资超500亿元。',
      {
        projects: ['青山高铁', '白水水库'],
        figures: [
          { text: '交通投资超300亿元', metric: '交通投资', value: 300, unit: '亿元' },
          { text: '水利投资超80亿元', metric: '水利投资', value: 80, unit: '亿元' },
          { text: '制造业投资超500亿元', metric: '制造业投资', value: 500, unit: '亿元' },
        ],
      },
    );
    expect(serves(g)).toEqual(['白水水库 → I2 0.8', '青山高铁 → I1 0.8']);
  });

  test('two projects and two targets in one long sentence: each project its own target', () => {
    const g = graphOf('实施青山医院扩建工程，新增床位2000张，推进白水中学建设，新增学位5000个。', {
      projects: ['青山医院扩建工程', '白水中学'],
      figures: [
        { text: '新增床位2000张', metric: '新增床位', value: 2000, unit: '张' },
        { text: '新增学位5000个', metric: '新增学位', value: 5000, unit: '个' },
      ],
    });
    expect(serves(g)).toEqual(['白水中学 → I2 0.8', '青山医院扩建工程 → I1 0.8']);
  });

  test('a result clause of the same topic after a finished work (P如期完工，水质…提高到…)', () => {
    const g = graphOf('白水湿地生态修复工程如期完工，地表水优良水体比例提高到95%。', {
      projects: ['白水湿地生态修复工程'],
      figures: [
        {
          text: '地表水优良水体比例提高到95%',
          metric: '地表水优良水体比例',
          value: 95,
          unit: '%',
          kind: 'achievement',
        },
      ],
    });
    expect(serves(g)).toEqual(['白水湿地生态修复工程 → I1 0.8']);
  });

  test('not by distance: another sentence, another topic, a figure before the work, a work only used', () => {
    const text = [
      '推进青山高铁建设。交通投资超300亿元。',
      '加快青山港区建设，城镇居民收入增长6%。',
      '新增新型储能200万千瓦，加快白水电站建设。',
      '依托青山物流园，新增货运量100万吨。',
      '坚决反对白水形象工程，新增绿地100公顷。',
    ].join('\n');
    const g = graphOf(text, {
      projects: ['青山高铁', '青山港区', '白水电站', '青山物流园', '白水形象工程'],
      figures: [
        { text: '交通投资超300亿元', metric: '交通投资', value: 300, unit: '亿元' },
        { text: '城镇居民收入增长6%', metric: '城镇居民收入增长', value: 6, unit: '%' },
        { text: '新增新型储能200万千瓦', metric: '新增新型储能', value: 200, unit: '万千瓦' },
        { text: '新增货运量100万吨', metric: '新增货运量', value: 100, unit: '万吨' },
        { text: '新增绿地100公顷', metric: '新增绿地', value: 100, unit: '公顷' },
      ],
    });
    expect(serves(g)).toEqual([]);
  });

  test('the same clause links when no topic contradicts it; evidence is the text and says why', () => {
    const g = graphOf('推进青山片区综合开发项目新建安置房3000套。', {
      projects: ['青山片区综合开发项目'],
      figures: [{ text: '新建安置房3000套', metric: '新建安置房', value: 3000, unit: '套' }],
    });
    const [link] = linkServes(g);
    expect(link).toMatchObject({ from: 'project:青山片区综合开发项目', to: 'I1', confidence: 0.7 });
    expect(g.text.slice(link!.evidence.start, link!.evidence.end)).toBe(link!.evidence.text);
    expect(link!.evidence.note).toMatch(/same clause/);
  });
});

const previous = (g: ReturnType<typeof graphOf>, reviewYear = 2025) =>
  linkPrevious(g.text, g.indicators, g.goals, reviewYear).map((r) => `${r.from} → ${r.to}`);

describe('PREVIOUS: the same measure, unit and span, the year before', () => {
  test('metric names are normalised: 地区生产总值增长, 全省生产总值增长 and 全年GDP增长 are one measure', () => {
    expect(normaliseMetric('全省生产总值增长')).toBe(normaliseMetric('地区生产总值增长'));
    expect(normaliseMetric('全年GDP增长')).toBe(normaliseMetric('地区生产总值增长'));
    expect(measureSimilarity(normaliseMetric('城镇新增就业人数'), normaliseMetric('城镇新增就业'))).toBeGreaterThan(
      0.8,
    );
    expect(measureSimilarity(normaliseMetric('固定资产投资增长'), normaliseMetric('民间投资增长'))).toBe(0);
    expect(measureSimilarity('投资', '投资')).toBe(0);
    // A qualifier in front narrows the population: another measure.
    expect(measureSimilarity('农村居民人均可支配收入增长', '居民人均可支配收入增长')).toBe(0);
    expect(measureSimilarity('园区新增规上工业企业', '新增规上工业企业')).toBe(0);
  });

  test('an annual target links to last year’s one-year figure, never to the five-year total beside it', () => {
    const text = '五年城镇新增就业261.6万人。\n全年城镇新增就业52万人。\n城镇新增就业50万人以上。';
    const both = graphOf(text, {
      figures: [
        {
          text: '五年城镇新增就业261.6万人',
          metric: '城镇新增就业',
          value: 261.6,
          unit: '万人',
          kind: 'achievement',
          year: 2025,
          period: '2021-2025',
        },
        {
          text: '全年城镇新增就业52万人',
          metric: '全年城镇新增就业',
          value: 52,
          unit: '万人',
          kind: 'achievement',
          year: 2025,
        },
        { text: '城镇新增就业50万人', metric: '城镇新增就业', value: 50, unit: '万人' },
      ],
    });
    expect(previous(both)).toEqual(['I3 → I2']);
    const totalOnly = graphOf(text, { figures: [both.indicators[0]!, both.indicators[2]!].map(toSpec) });
    expect(previous(totalOnly)).toEqual([]);
  });

  test('a cumulative or average five-year figure is not last year’s result', () => {
    const g = graphOf('累计完成造林2000万亩，年均增长6%。\n完成造林200万亩，增长5%。', {
      figures: [
        {
          text: '累计完成造林2000万亩',
          metric: '完成造林',
          value: 2000,
          unit: '万亩',
          kind: 'achievement',
          year: 2025,
          period: '2021-2025',
        },
        {
          text: '年均增长6%',
          metric: '工业增加值年均增长',
          value: 6,
          unit: '%',
          kind: 'achievement',
          year: 2025,
          period: '2021-2025',
        },
        { text: '完成造林200万亩', metric: '完成造林', value: 200, unit: '万亩' },
        { text: '增长5%', metric: '工业增加值增长', value: 5, unit: '%' },
      ],
    });
    expect(previous(g)).toEqual([]);
  });

  test('a different base unit, tier or sub-aggregate is another measure', () => {
    const g = graphOf(
      '固定资产投资快于全国3.4个百分点，民间投资增长2.8%，省级龙头企业120家。\n固定资产投资增长5%，国家级龙头企业3家。',
      {
        figures: [
          {
            text: '固定资产投资快于全国3.4个百分点',
            metric: '固定资产投资快于全国',
            value: 3.4,
            unit: '个百分点',
            kind: 'achievement',
            year: 2025,
          },
          { text: '民间投资增长2.8%', metric: '民间投资增长', value: 2.8, unit: '%', kind: 'achievement', year: 2025 },
          {
            text: '省级龙头企业120家',
            metric: '省级龙头企业',
            value: 120,
            unit: '家',
            kind: 'achievement',
            year: 2025,
          },
          { text: '固定资产投资增长5%', metric: '固定资产投资增长', value: 5, unit: '%' },
          { text: '国家级龙头企业3家', metric: '国家级龙头企业', value: 3, unit: '家' },
        ],
      },
    );
    expect(previous(g)).toEqual([]);
  });

  test('a 2030 target links to the 2025 stock, not to an increment target to a stock', () => {
    const g = graphOf('城镇化率达到66%，智能化煤矿达到400座。\n到2030年城镇化率达到70%。新建智能化煤矿60座。', {
      figures: [
        {
          text: '城镇化率达到66%',
          metric: '城镇化率',
          value: 66,
          unit: '%',
          kind: 'achievement',
          year: 2025,
          period: '2021-2025',
        },
        {
          text: '智能化煤矿达到400座',
          metric: '智能化煤矿',
          value: 400,
          unit: '座',
          kind: 'achievement',
          year: 2025,
          period: '2021-2025',
        },
        {
          text: '城镇化率达到70%',
          metric: '城镇化率',
          value: 70,
          unit: '%',
          kind: 'long_term_target',
          year: 2030,
          period: '2026-2030',
        },
        { text: '新建智能化煤矿60座', metric: '新建智能化煤矿', value: 60, unit: '座' },
      ],
    });
    expect(previous(g)).toEqual(['I3 → I1']);
  });

  test('of several candidates the closest measure wins, and the note says what it was chosen over', () => {
    const g = graphOf(
      '城镇居民人均可支配收入增长5%，农村居民人均可支配收入增长7%。\n城镇居民人均可支配收入增长5.5%。',
      {
        figures: [
          {
            text: '城镇居民人均可支配收入增长5%',
            metric: '城镇居民人均可支配收入增长',
            value: 5,
            unit: '%',
            kind: 'achievement',
            year: 2025,
          },
          {
            text: '农村居民人均可支配收入增长7%',
            metric: '农村居民人均可支配收入增长',
            value: 7,
            unit: '%',
            kind: 'achievement',
            year: 2025,
          },
          { text: '城镇居民人均可支配收入增长5.5%', metric: '城镇居民人均可支配收入增长', value: 5.5, unit: '%' },
        ],
      },
    );
    const links = linkPrevious(g.text, g.indicators, g.goals, 2025);
    expect(links.map((r) => `${r.from} → ${r.to} ${r.confidence}`)).toEqual(['I3 → I1 1']);
    expect(links[0]!.evidence.note).toMatch(/chosen over 1 other/);
  });

  test('the same counted set links even when the verbs differ (办好15件民生实事 / 承诺的15件民生实事)', () => {
    const g = graphOf('承诺的15件民生实事全部兑现。\n再办好15件民生实事。', {
      figures: [
        { text: '承诺的15件', metric: '承诺的', value: 15, unit: '件', kind: 'achievement', year: 2025 },
        { text: '再办好15件', metric: '再办好', value: 15, unit: '件' },
      ],
    });
    expect(previous(g)).toEqual(['I2 → I1']);
  });

  test('a goal links to the achievement of the same designation, 国家级 read as 国家', () => {
    const g = graphOf('入选国家级中小企业特色产业集群。\n争创国家中小企业特色产业集群。争创国家级零碳工厂。', {
      goals: [
        { text: '入选国家级中小企业特色产业集群', name: '国家级中小企业特色产业集群' },
        { text: '争创国家中小企业特色产业集群', name: '国家中小企业特色产业集群', kind: 'target' },
        { text: '争创国家级零碳工厂', name: '国家级零碳工厂', kind: 'target' },
      ],
    });
    expect(previous(g)).toEqual(['G2 → G1']);
  });
});

function toSpec(i: Indicator): FigureSpec {
  return { text: i.text, metric: i.metric, value: i.value, unit: i.unit, kind: i.kind, year: i.year, period: i.period };
}
