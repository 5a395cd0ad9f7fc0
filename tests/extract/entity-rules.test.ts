import { beforeAll, describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { findGoals } from '../../src/extract/entities/goals.ts';
import { enterprisePrefix, isGenericWorkName, isNegated } from '../../src/extract/entities/name-patterns.ts';
import { extractReportGraph } from '../../src/extract/pipeline.ts';
import { findSingletons, stripLeadVerbs } from '../../src/extract/entities/singletons.ts';
import { seedText } from '../support/graphs.ts';

// Precision rules for names in reports never seen: what is a kind of work, a sector, a ruled-out
// work or a verb is not a name. The sentences are made up; the names in them are invented.

describe('names of kinds of works', () => {
  test.each(['普通高中', '智能工厂', '零碳工厂', '招商平台', '国家医学中心', '省技术创新中心', '上市公司募投项目'])(
    '%s is a kind of work',
    (name) => expect(isGenericWorkName(name)).toBe(true),
  );
  test.each(['一批机场', '更多企业增资扩产项目', '首家领航级智能工厂', '新一轮高水平医院', '新一轮公园'])(
    '%s counts or classes works',
    (name) => expect(isGenericWorkName(name)).toBe(true),
  );
  test.each(['国际金融中心', '智慧机场', '概念验证平台', '高水平研究型医院', '义务教育学校'])(
    '%s is a designation or a kind, not a work',
    (name) => expect(isGenericWorkName(name)).toBe(true),
  );
  test.each(['老旧燃气管道', '跨国公司地区总部', '外资企业研发总部', '深远海风电', '分布式光伏', '小型房屋建筑工程'])(
    '%s is a kind of work (an age, a kind of company, a kind of power, a kind of building)',
    (name) => expect(isGenericWorkName(name)).toBe(true),
  );
  test.each(['云帆集团总部', '青石海上风电一期', '松岭核电二期'])('%s names a work', (name) =>
    expect(isGenericWorkName(name)).toBe(false),
  );
  test.each(['青石湾引水工程', '松岭水库', '新一轮百万亩植树造林工程', '北湖实验高中', '临江大桥', '临江南湖机场'])(
    '%s names a work',
    (name) => expect(isGenericWorkName(name)).toBe(false),
  );

  test('a sector word at the start of a work is not a company', () => {
    expect(enterprisePrefix('中医药振兴发展工程')).toBeNull();
    expect(enterprisePrefix('产业科技创新中心')).toBeNull();
    expect(enterprisePrefix('国际医药创新公园')).toBeNull();
    expect(enterprisePrefix('云帆医疗无纺布生产线')).toBe('云帆医疗');
    // …nor a head that runs on into another word.
    expect(enterprisePrefix('保税物流中心')).toBeNull();
    expect(enterprisePrefix('再电气化工程')).toBeNull();
    expect(enterprisePrefix('青松医药大学附属医院')).toBeNull();
  });

  test('a clause that rules works out negates them', () => {
    const p = '坚持实干，坚决反对政绩工程、形象工程，加快建设临江大桥。';
    expect(isNegated(p, p.indexOf('政绩工程'))).toBe(true);
    expect(isNegated(p, p.indexOf('形象工程'))).toBe(true);
    expect(isNegated(p, p.indexOf('临江大桥'))).toBe(false);
  });
});

describe('names cut from their sentence', () => {
  const names = (p: string) => findSingletons(p).map((s) => `${s.kind}:${s.name}`);

  test('verbs in front are not part of the name', () => {
    expect(names('稳妥有序组建云岭农村商业银行，服务实体经济。')).toContain('enterprise:云岭农村商业银行');
    expect(names('改扩建青石湾至松岭高速公路，畅通南北。')).toContain('project:青石湾至松岭高速公路');
    expect(names('力促青石城际铁路开工。')).toContain('project:青石城际铁路');
    expect(names('，力争松岭高铁开工，巩固青石国家公园建设。')).toEqual(['project:松岭高铁', 'project:青石国家公园']);
    expect(names('，确保30个以上智能工厂建成。')).toEqual([]);
    expect(names('。做深向松河流域调水项目前期，做实青石港扩建工程。')).toEqual([
      'project:向松河流域调水项目',
      'project:青石港扩建工程',
    ]);
    // A verb that also occurs inside names (共建) is not cut.
    expect(names('推进青松共建产业园建设。')).toContain('project:青松共建产业园');
  });

  test('a counted phrase names a kind of thing', () => {
    expect(names('新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上。')).toEqual([]);
  });

  test('a zone is named from its place, not from the words before it', () => {
    const zones = (p: string) => names(p).filter((n) => /(都市圈|城市群|经济带|经济区)$/.test(n));
    expect(zones('加快扬子湾城市群协同发展。')).toEqual(['place:扬子湾城市群']);
    expect(zones('发挥龙头的滇西城市群作用。')).toEqual(['place:滇西城市群']);
    expect(zones('推动建设更加秀美的松湖生态经济区。')).toEqual(['place:松湖生态经济区']);
    expect(zones('全面落实现代化临江都市圈规划。')).toEqual(['place:现代化临江都市圈']);
    expect(zones('建设3个省级渔港经济区。')).toEqual([]);
    expect(zones('，打造一流湾区和世界级城市群。')).toEqual([]);
  });

  test('a stage is not a road section', () => {
    expect(names('发展进入新阶段，全面迈入第二阶段，实现平稳转段。')).toEqual([]);
  });
});

describe('goals cut from their sentence', () => {
  const brief = (p: string) => findGoals(p).map((g) => `${g.action}:${g.name}`);

  test('verbs and scopes in front are not part of the designation', () => {
    expect(brief('支持松岭建设好新时代改革开放先行示范区。')).toEqual(['建设:新时代改革开放先行示范区']);
    expect(brief('全力支持青石湾融湾先行区建设。')).toEqual(['建设:青石湾融湾先行区']);
    expect(brief('积极争创纺织、石化等国家级先进制造业集群示范区。')).toEqual(['争创:国家级先进制造业集群示范区']);
  });

  test('rankings and counted lists of things that are not designations are not goals', () => {
    expect(brief('入选国家重大人才工程人数位居全国前列。')).toEqual([]);
    expect(brief('获批建设中国—甲国文化遗产保护、中国—乙国草原修复2家联合实验室。')).toEqual([]);
    // The count closes the list (3个方面 counts the items): each item is a positioning.
    expect(brief('建设国家重要原材料基地、特色装备制造基地、北部生态屏障3个方面重点方向。')).toEqual([
      '建设:国家重要原材料基地',
      '建设:特色装备制造基地',
      '建设:北部生态屏障',
    ]);
  });
});

describe('in a whole report', () => {
  let graph: ReportGraph;
  beforeAll(() => {
    graph = extractReportGraph(
      `${seedText()}\n坚决反对政绩工程、形象工程。加快推进青石湾引水工程一期、二期和松岭水库等重大项目。` +
        '持续实施中医药振兴发展工程。鼓励建筑企业更多参与交通、水利、能源等基础设施建设。\n',
    );
  });
  const projects = () => graph.projects.map((p) => p.name);
  const enterprises = () => graph.enterprises.map((e) => e.name);

  test('works the report rules out are not its projects', () => {
    expect(projects()).not.toContain('政绩工程');
    expect(projects()).not.toContain('形象工程');
  });

  test('two works in one list item are two projects', () => {
    expect(projects()).toEqual(expect.arrayContaining(['青石湾引水工程一期', '松岭水库']));
    expect(projects().some((n) => n.includes('和松岭'))).toBe(false);
  });

  test('a route along a river is not the river', () => {
    const g = extractReportGraph(`${seedText()}\n加快北沿河、南沿湖等重大项目建设。\n`);
    expect(g.places.map((p) => p.name)).not.toContain('北沿河');
  });

  test('sector words listed as projects are not projects', () => {
    const g = extractReportGraph(`${seedText()}\n推进集成电路、人工智能等重点项目。\n`);
    expect(g.projects.map((p) => p.name)).not.toContain('集成电路');
  });

  test('sectors are not enterprises', () => {
    expect(enterprises()).not.toContain('中医药');
    expect(enterprises()).not.toContain('能源');
    expect(projects()).toContain('中医药振兴发展工程');
  });
});

describe('companies named by context', () => {
  const names = (p: string) => findSingletons(p).map((s) => `${s.kind}:${s.name}`);

  test('a 集团 opening its clause is a company whatever follows', () => {
    expect(names('云帆集团首届创作者大会在我省举办。')).toContain('enterprise:云帆集团');
    expect(names('，组建青石数据集团，')).toContain('enterprise:青石数据集团');
  });

  test('a company seat names the company before 总部', () => {
    expect(enterprisePrefix('云帆矿山军团全球总部')).toBe('云帆矿山军团');
    expect(enterprisePrefix('跨国公司地区总部')).toBeNull();
    expect(isGenericWorkName('功能型总部')).toBe(true);
  });

  test('a single-character verb inside a brand is not cut off', () => {
    // 和 is inside the name 祥和 here, a noun to jieba; 转为 is a verb and is cut.
    expect(stripLeadVerbs('建设祥和公园')).toBe('祥和公园');
    expect(stripLeadVerbs('加快转为青石大桥')).toBe('青石大桥');
    expect(stripLeadVerbs('推进青石大桥')).toBe('青石大桥');
  });
});

describe('works named in running prose', () => {
  const names = (p: string) => findSingletons(p).map((s) => `${s.kind}:${s.name}`);

  test('a named work after 的 or before 完工/开通/贯通/成为 is a project', () => {
    expect(names('。群众期盼已久的青石水利枢纽工程开工建设。')).toContain('project:青石水利枢纽工程');
    expect(names('，松岭地铁2号线开通运营。')).toContain('project:松岭地铁2号线');
    expect(names('，青石引水工程西干线全线贯通。')).toContain('project:青石引水工程西干线');
    expect(names('推动青石山山水工程完工。')).toContain('project:青石山山水工程');
    expect(names('、白鹭储能调频电站成为国家示范项目')).toContain('project:白鹭储能调频电站');
  });

  test('a base is a work when it is built at a named place', () => {
    const atPlace = (s: string) => s === '松岭';
    expect(findSingletons('加快建设松岭新能源基地、', atPlace).map((s) => s.name)).toContain('松岭新能源基地');
    expect(findSingletons('加快建设先进制造基地、', atPlace)).toEqual([]);
  });

  test('slogans, policy labels and per-town facilities are kinds, not works', () => {
    for (const name of [
      '县县通高速',
      '“两重”项目',
      '“十五五”重大项目',
      '乡镇（街道）养老服务中心',
      '综合交通枢纽',
      '虚拟电厂',
    ])
      expect(isGenericWorkName(name), name).toBe(true);
    expect(isGenericWorkName('鄂全国重点实验室')).toBe(true);
    expect(isGenericWorkName('青石水利枢纽工程')).toBe(false);
  });
});

describe('counted sets before a name', () => {
  test('a counted set after 的 is a kind of work, not a name', async () => {
    const { findSingletons } = await import('../../src/extract/entities/singletons.ts');
    expect(findSingletons('全长500公里的三个青云旅游公路全线贯通。').map((x) => x.name)).toEqual([]);
    expect(findSingletons('全长500公里的青云旅游公路全线贯通。').map((x) => x.name)).toEqual(['青云旅游公路']);
  });
  test('a measure word that can belong to a name (九条河) does not count', async () => {
    const { findSingletons } = await import('../../src/extract/entities/singletons.ts');
    expect(findSingletons('推进九条河综合整治工程。').map((x) => x.name)).toEqual(['九条河综合整治工程']);
  });
});

describe('items of a list of works', () => {
  test('a water-like item of a works list (甲河、乙湖等煤矿) names the work, not a river or lake', () => {
    const g = extractReportGraph(`${seedText()}\n加快青松河、白柏湖等煤矿建设，推进赤杉河、乌桐湖等项目。\n`);
    const places = g.places.map((p) => p.name);
    for (const name of ['青松河', '白柏湖', '赤杉河', '乌桐湖']) expect(places).not.toContain(name);
    expect(g.projects.map((p) => p.name)).toEqual(expect.arrayContaining(['青松河', '白柏湖']));
  });

  test('…while the water bodies a treatment works list names stay places', () => {
    const g = extractReportGraph(`${seedText()}\n实施青松湖、白柏湖骨干河道等综合治理工程。\n`);
    expect(g.places.map((p) => p.name)).toEqual(expect.arrayContaining(['青松湖', '白柏湖']));
  });
});

describe('a cut at 和 that splits a word', () => {
  test('after a quoted modifier, a name left opening with a one-character word (“某某”和美…) is not a name', () => {
    const names = findSingletons('推进青松“千村万户”和美村落工程，加快“赤杉计划”和青松大桥建设。').map((s) => s.name);
    expect(names).not.toContain('美村落工程');
    // …while a name of two-character words after ”和 is one.
    expect(names).toContain('青松大桥');
  });
});
