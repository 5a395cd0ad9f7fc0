import { describe, expect, test } from 'vitest';
import { findHeadLists, findLists } from '../../src/extract/entities/lists.ts';
import {
  isDesignationName,
  isGenericWorkName,
  isKindOfFacility,
  isMalformedName,
  isNaturalArea,
} from '../../src/extract/entities/name-patterns.ts';
import { findSingletons } from '../../src/extract/entities/singletons.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { seedText } from '../support/graphs.ts';

// Project rules for reports never seen (issue #12, class 5). The sentences are made up and the
// names in them are invented; 松岭 and 青石 stand for places the report's gazetteer knows.
const PLACES = new Set(['松岭', '青石', '临江']);
const isPlace = (s: string) => PLACES.has(s);
const works = (p: string) =>
  findSingletons(p, isPlace)
    .filter((s) => s.kind === 'project')
    .map((s) => s.name);

describe('named facilities outside lists', () => {
  test('research facilities, reservoirs at their milestones and phases past the fourth are works', () => {
    expect(works('，松岭中微子实验站、青石强流重离子加速器建成运行。')).toEqual([
      '松岭中微子实验站',
      '青石强流重离子加速器',
    ]);
    expect(works('，白鹭寨水库大坝封顶、椒松水库下闸蓄水。')).toEqual(['白鹭寨水库', '椒松水库']);
    expect(works('，加快松岭港六期建设。')).toEqual(['松岭港六期']);
    expect(works('，青松国家种质资源库开工建设，“钍石熔盐实验堆”在临江建成运行。')).toEqual([
      '青松国家种质资源库',
      '“钍石熔盐实验堆”',
    ]);
  });

  test('routes, ports and crossings take a proper head, not a generic one', () => {
    expect(works('，推动狮石洋通道建设。')).toEqual(['狮石洋通道']);
    expect(works('，畅通人才交流通道，')).toEqual([]);
    expect(works('，建成投用新松岭口岸，')).toEqual(['新松岭口岸']);
    expect(works('，推进现代化智慧口岸建设，')).toEqual([]);
    expect(works('，加快青石国际陆港建设，')).toEqual(['青石国际陆港']);
    expect(works('，加快国际陆港建设，')).toEqual([]);
    expect(works('，临江机场第三跑道建成投用。')).toEqual(['临江机场第三跑道']);
    expect(works('，加快白鹭东至松岭三四线建设。')).toEqual(['白鹭东至松岭三四线']);
  });

  test('a university or college is a work when a place names it and it is what is built', () => {
    expect(works('，加快建设临江文化科技大学。')).toEqual(['临江文化科技大学']);
    expect(works('，支持临江大学建设一流学科。')).toEqual([]);
    expect(works('，推动共建卓越工程师学院。')).toEqual([]);
  });

  test('a stretch in brackets, a work in a 含 bracket and routes named by their ends', () => {
    expect(works('，建设好长青国家文化公园（松岭段），')).toEqual(['长青国家文化公园（松岭段）']);
    expect(works('，做好青石水资源配置工程（含白鹭水库扩建）前期工作。')).toEqual([
      '青石水资源配置工程',
      '白鹭水库扩建',
    ]);
    expect(works('，开展引青济松前期工作。')).toEqual(['引青济松']);
    expect(works('，推进青电入松、白鹭背靠背联网工程。')).toEqual(['青电入松', '白鹭背靠背联网工程']);
  });

  test('…工程 in running prose ends the name whatever verb follows, unless the name goes on', () => {
    expect(works('，青石输水工程刷新我省纪录。')).toEqual(['青石输水工程']);
    expect(works('，青石引水工程西干线全线贯通。')).toEqual(['青石引水工程西干线']);
    expect(works('，总投资300亿元的白鹭硅材料项目刷新纪录。')).toEqual(['白鹭硅材料项目']);
  });
});

describe('abbreviated lists with a shared head', () => {
  test('each short item is a work of the head; 和 joins two items and a trailing 扩容 stays with its own', () => {
    expect(findHeadLists('，加快松甲、柏乙和杉丙扩容、桦丁等9条高速公路建设。').map((i) => [i.name, i.head])).toEqual([
      ['松甲', '高速公路'],
      ['柏乙', '高速公路'],
      ['杉丙扩容', '高速公路'],
      ['桦丁', '高速公路'],
    ]);
    expect(findHeadLists('，加快石甲、石乙等煤矿建设。').map((i) => i.name)).toEqual(['石甲', '石乙']);
  });

  test('the items of a list of 新线 are works named as written: 新线 is what they are, not part of the name', () => {
    expect(findHeadLists('。松柏、桦杉、柳梅等新线投入运营，').map((i) => [i.name, i.head])).toEqual([
      ['松柏', ''],
      ['桦杉', ''],
      ['柳梅', ''],
    ]);
    expect(findHeadLists('，开通3条地铁新线。')).toEqual([]);
  });

  test('without 等, a run of short names shares the head of its last item', () => {
    expect(findHeadLists('，建成甲坝、乙岗、丙丁大型水库，').map((i) => [i.name, i.head])).toEqual([
      ['甲坝', '大型水库'],
      ['乙岗', '大型水库'],
    ]);
    expect(findHeadLists('，松石、柏林水电站等投产发电。').map((i) => i.name)).toEqual(['松石']);
    expect(findHeadLists('，发展新能源、新材料产业园。')).toEqual([]);
  });

  test('kinds in the list are not abbreviated names', () => {
    expect(findHeadLists('，建设一批机场、新建机场等机场。')).toEqual([]);
  });

  test('in a report, the item is the project and the name with its head is an alias', () => {
    const seed = seedText();
    const at = seed.indexOf('二、2023年');
    const line = '加快松甲、柏乙和杉丙扩容等3条高速公路建设，推进青石配置一期、二期和白鹭水库等工程建设。\n';
    const text = seed.slice(0, seed.indexOf('\n', at) + 1) + line + seed.slice(seed.indexOf('\n', at) + 1);
    const projects = new Map(extractReportGraph(text).projects.map((p) => [p.name, p.aliases]));
    expect(projects.get('松甲')).toEqual(['松甲高速公路']);
    expect(projects.get('柏乙')).toEqual(['柏乙高速公路']);
    expect(projects.get('杉丙扩容')).toEqual(['杉丙高速公路扩容']);
    // A bare phase takes the name of the phase before it.
    expect(projects.get('青石配置二期')).toEqual(['二期']);
    expect(projects.has('白鹭水库')).toBe(true);
  });
});

describe('categories and designations are not projects', () => {
  test('a centre or platform named only by kinds and functions is a category', () => {
    for (const name of ['检验检测中心', '算力调度平台', '省科技成果进场交易平台', '残疾人日间照料服务中心'])
      expect(isKindOfFacility(name), name).toBe(true);
    for (const name of ['临江文化中心', '智慧安商平台', '青石（松岭）离岸科创中心'])
      expect(isKindOfFacility(name), name).toBe(false);
  });

  test('strategic centres and national demonstration titles are designations', () => {
    expect(isDesignationName('青湾国际科技创新中心')).toBe(true);
    expect(isDesignationName('综合性国家科学中心')).toBe(true);
    expect(isDesignationName('国家外贸提质增效示范项目')).toBe(true);
    expect(isDesignationName('临江文化中心')).toBe(false);
  });

  test('a clause that only uses a facility, or seeks a title, names no work', () => {
    expect(works('，用好管好松岭大桥，')).toEqual([]);
    expect(works('，加快建设松岭大桥，')).toEqual(['松岭大桥']);
    expect(works('，创建国家青松装备制造业创新中心。')).toEqual([]);
  });

  test('generic ports, hubs and types of works are kinds', () => {
    expect(works('，入选全国智慧口岸建设典型案例，')).toEqual([]);
    expect(works('，建设集约智能口岸，')).toEqual([]);
    expect(works('，扩容升级青石国际陆港，')).toEqual(['青石国际陆港']);
    for (const name of ['综合货运枢纽', '民用运输机场', '基地型项目', '劳动密集型产业园', '高速公路出入口及连接线'])
      expect(isGenericWorkName(name), name).toBe(true);
    expect(isDesignationName('面向南亚东南亚辐射中心')).toBe(true);
  });

  test('a stretch of a river and a geopark are places; counted and numbered items are not names', () => {
    expect(isNaturalArea('青河松岭段')).toBe(true);
    expect(isNaturalArea('临江地质公园')).toBe(true);
    expect(isNaturalArea('青石铁路松岭段')).toBe(false);
    expect(isMalformedName('1万名老年人复明工程')).toBe(true);
    expect(isMalformedName('十三是维修养护供水工程')).toBe(true);
  });

  test('items before an industry programme are industries', () => {
    expect(findLists('，推进稻米、果蔬等千亿优势特色产业升级工程。').every((i) => i.kind === 'other')).toBe(true);
    expect(findLists('，推进松岭新一代电池、青石玻璃研发生产等“十大产业项目”建设。')[0]?.kind).toBe('project');
  });
});
