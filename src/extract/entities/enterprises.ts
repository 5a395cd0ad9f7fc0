// Companies recognised by their context, not only by 集团/公司: the maker in a project's name
// (某地某某新型显示), holders of company honours, companies merged or listed, 等车企 lists; and
// what is not a company (sector words, institutes, funds, platforms). General word lists, no names.
import { ENTERPRISE_SUFFIX, OPENING_WORDS, enterprisePrefix, isCompanyCategory } from './name-patterns.ts';
import { stripLeadVerbs } from './singletons.ts';
import { words } from '../places/word-boundaries.ts';

/** A company named in a paragraph, offsets relative to it. */
export interface CompanyMention {
  name: string;
  start: number;
}

type IsPlace = (name: string) => boolean;

// Suffixes of an organisation's legal name (a bank or a broker is a company; 能源 or 电子 alone is a sector).
const ORG_SUFFIX = /(集团|公司|银行|证券|保险|控股|股份|信托|期货|锂业|矿业|科技)$/;

// Institutions, funds, platforms and kinds that suffix patterns take for companies.
const INSTITUTION =
  /(研究院|研究所|研究中心|实验室|大学|学院|学校|医院|基金|引导基金|平台|联盟|协会|商会|学会|中心|园区|产业园|基地|交易所|博物院|集群|板块)$/;

// Sector and technology words, and the modifiers that make a sector of them (氢基能源, 绿色化工).
const SECTOR_WORD =
  /^(能源|煤矿|煤炭|电力|新能源|半导体|电子|微电子|光电|材料|新材料|化工|石化|汽车|机械|智能|物流|医药|生物|钢铁|光伏|储能|电池|锂电|芯片|通信|软件|大数据|数控|纺织|食品|环保|节能|装备|制造|智造|矿业|航空|传媒)$/;
const SECTOR_MODIFIER = /^(氢基|绿色|清洁|新型|传统|先进|高端|现代|智慧|数字|低碳|零碳|高性能|新一代)/;

/** True for a sector or an institution rather than a company: 能源, 氢基能源, 某地新能源, 某某研究院, 某某基金. */
export function isNotEnterprise(name: string, isPlace: IsPlace = () => false): boolean {
  if (INSTITUTION.test(name)) return true;
  const rest = stripPlaces(name, isPlace);
  if (ORG_SUFFIX.test(rest) && rest.length > 2) return false;
  const bare = rest.replace(SECTOR_MODIFIER, '');
  return SECTOR_WORD.test(bare) || bare.length === 0;
}

/** Leading place names (长沙宁乡圣钘科技… → 圣钘科技…), at most two, each of 2–4 characters. */
function stripPlaces(name: string, isPlace: IsPlace): string {
  let rest = name;
  for (let k = 0; k < 2; k++) {
    const len = [4, 3, 2].find((n) => rest.length > n + 1 && isPlace(rest.slice(0, n)));
    if (!len) break;
    rest = rest.slice(len);
  }
  return rest;
}

// What a factory makes or does, after its maker's name: 新型显示, 基板玻璃, 电驱系统制造, IGBT.
const PRODUCT_WORD =
  /^(显示|新型|玻璃|基板|芯片|半导体|集成电路|电池|锂电池|动力电池|动力|储能|材料|新材料|负极|正极|装备|机械|矿山|制造|智造|研发|生产|产线|生产线|传感器|传感|技术|机器人|新能源|电驱|系统|电子纸|显示器件|器件|面板|硅片|光伏|组件|整车|汽车|零部件|发动机|装置|核心|炼化|一体化|化工|石化|钢铁|合金|电解液|隔膜|新一代|高性能|智能|高端|先进|绿色|数模|混合|英寸|基地|项目|[一二三四五六七八九十]期|[0-9A-Za-z.]+)$/;
const MATERIAL = /^[镍钴锂铜铝锌钛镁铁钢硅锰钒钨钼锡铅金银稀土磷氟]+$/;
// A factory or line, not a facility of the place (…机场, …中心, …公园 end with a facility word).
const PRODUCT_TAIL =
  /(显示|玻璃|芯片|半导体|集成电路|电池|储能|材料|装备|机械|制造|智造|研发生产|生产|产线|生产线|传感器|技术|机器人|系统|器件|面板|硅片|组件|整车|零部件|装置|炼化|一体化|合金|IGBT|[A-Z]{2,}|锂业|矿业|科技)$/;

/** The maker in what is left of a project's name once its place is cut (惠科新型显示 → 惠科). */
function makerOf(rest: string): string | null {
  if (!PRODUCT_TAIL.test(rest)) return null;
  const ws = words(rest);
  let i = 0;
  let brand = '';
  // A word is the product when it is one or ends with one (矿山机械).
  const isProduct = (w: string) => PRODUCT_WORD.test(w) || PRODUCT_TAIL.test(w);
  while (i < ws.length && !isProduct(ws[i]!) && !ORG_SUFFIX.test(ws[i]!)) brand += ws[i++];
  if (brand.length < 2 || brand.length > 4 || MATERIAL.test(brand) || SECTOR_MODIFIER.test(brand)) return null;
  // 铝产业链一体化, 某某电厂: an industry or a facility of the place, not a maker.
  if (/(产业|链|行业|集群|园|区|港|站|厂|场|库|道|路|桥|馆|院|校)/.test(brand)) return null;
  // 蓝思科技, 紫金锂业: the legal suffix is part of the name; 海康机器人: one sector word and
  // nothing after it is the company's own name.
  const next = ws[i];
  if (next && ORG_SUFFIX.test(next)) return brand + next;
  if (next && i === ws.length - 1 && SECTOR_WORD.test(next)) return brand + next;
  if (next && /^(机器人|半导体|新能源|智能|电子)$/.test(next) && i === ws.length - 1) return brand + next;
  return brand;
}

// Characters of transliterated foreign names (巴斯夫, 埃克森美孚): a run of three or more before
// a phase or a plant word is a foreign maker, the way such names are written.
const TRANSLITERATION =
  '阿埃艾安奥尔莫摩赛丹沙柏巴拜贝比彼波伯布达戴德迪蒂杜厄恩法菲费芬弗福盖戈格哈赫霍吉加杰捷卡凯坎柯克肯库拉莱兰朗劳勒雷黎里利林隆卢鲁伦罗洛马麦曼梅美门蒙米密默姆穆纳奈内尼涅纽诺欧帕派潘佩皮普奇乔萨塞森莎什斯苏索塔泰坦特提托瓦威维沃乌西希谢辛雅亚耶伊因尤约泽扎孚夫';
const FOREIGN_MAKER = new RegExp(
  `^[\\u4e00-\\u9fa5]{0,2}?([${TRANSLITERATION}]{3,6})(?=[一二三四五六七八九十]期|核心|装置|工厂|超级工厂|生产基地|项目|[0-9])`,
);

// 中国星网, 中国中化: a national company's short name is 中国 and two characters, when it is no
// kind of thing (中国制造, 中国品牌).
const NATIONAL = /^中国([\u4e00-\u9fa5]{2})$/;
const NOT_NATIONAL =
  /^(制造|品牌|特色|式|经验|方案|标准|市场|智造|服务|文化|故事|声音|元素|精神|速度|人民|科学|工程|企业)/;

/** The company a project is named after, if any: 长沙惠科新型显示 → 惠科, 埃克森美孚一期 → 埃克森美孚. */
export function companyOfProject(project: string, isPlace: IsPlace = () => false): string | null {
  const national = NATIONAL.exec(project);
  if (national) return NOT_NATIONAL.test(national[1]!) ? null : project;
  const rest = stripPlaces(project, isPlace);
  // After a place the rest decides: 某地半导体智造 names a sector, not a maker.
  if (rest !== project) return makerOf(rest);
  const prefix = enterprisePrefix(project);
  if (prefix) return isNotEnterprise(prefix, isPlace) ? null : prefix;
  return FOREIGN_MAKER.exec(project)?.[1] ?? null;
}

const NAME = '[\\u4e00-\\u9fa5A-Za-z]';
// A company that wins a company's honour: 某某获…质量奖, 某某入选…企业, 某某荣获…冠军.
const HONOUR_HOLDER = new RegExp(
  `(?:^|[，。；、])(${NAME}{2,8}?)(?:成功|再次|首次)?(?:荣获|获评|获|入选|上榜|跻身|被评为|被认定为|建成)[^，。；]{0,20}?(质量奖|企业|冠军|500强|百强|独角兽|灯塔工厂)`,
  'g',
);
// A company's seat arriving (某某区域总部落户, 某某研发中心入驻) or a company listed (某某科技在港上市).
const SEAT_ARRIVES = new RegExp(
  `(?:^|[，。；、])(${NAME}{2,8}?)(?:全球|全国|区域|中国|华南|华北|华东|华中|西南|西北|东北|亚太|第二)?(?:总部|研发中心|生产基地)(?:正式)?(?:落户|落地|迁入|入驻|揭牌|建成)`,
  'g',
);
const LISTED = new RegExp(
  `(?:^|[，。；、])(${NAME}{2,10}?)(?:成功|正式)?(?:在[\u4e00-\u9fa5A-Za-z]{1,6})?(?:挂牌上市|上市)`,
  'g',
);
// Companies merged: 某甲与某乙重组, 完成某某证券重组.
const MERGED_PAIR = new RegExp(`(${NAME}{2,6}?)(?:与|和)(${NAME}{2,6}?)(?:实施|完成)?(?:重组|合并)`, 'g');
// Words of a process or a field (专业化整合, 战略性): what is merged is not named.
const NOT_A_PARTY = /(化|性|整合|改革|板块|领域|产业|行业|债务|资产|机构|企业)/;
const MERGED_ONE = new RegExp(`(?:完成|推进|推动|实施)(${NAME}{2,10}?)(?:战略性)?(?:重组|合并|更名|上市)`, 'g');
// A company with its legal suffix, opened by a verb of founding or a clause start (组建某某投资集团).
const FOUNDED = new RegExp(
  `(?:^|[，。；、])(?:组建|成立|设立|新设|引进|引入)(${NAME}{2,10}?(?:集团|公司|银行|证券|保险|控股))(?![化式])`,
  'g',
);
// A business that opens (某甲、某乙开业运营): a bank, a broker or a company, not a shop or a venue.
const OPENED = /(?:正式)?(?:开业运营|揭牌开业|开业)/g;
const VENUE = /(店|场|馆|中心|口岸|市场|商圈|街区|酒店|园|城|港|站|楼|板块)$/;
// 某甲、某乙等车企: lists closed by a kind of company written with 企.
const KIND_CLOSER =
  /等(?:一批|多家|[0-9一二三四五六七八九十百]+家)?[\u4e00-\u9fa5]{0,4}?(?:车企|央企|国企|民企|外企|[\u4e00-\u9fa5]企)(?!业)/g;
const CLAUSE_END = /[，。；！？：]/;

/** The 、 items of the clause that ends at `end` (found by walking back, so a long list costs one pass). */
function itemsBefore(p: string, end: number): { raw: string; start: number }[] {
  let s = end;
  while (s > 0 && !CLAUSE_END.test(p[s - 1]!)) s--;
  const out: { raw: string; start: number }[] = [];
  let at = s;
  for (const raw of p.slice(s, end).split('、')) {
    out.push({ raw, start: at });
    at += raw.length + 1;
  }
  return out;
}

function isCompanyName(name: string, isPlace: IsPlace): boolean {
  if (name.length < 2 || /^(我|全|各|本|该|其|一|多|首|新)|^(省|市|县|区)(属|级|内|外|直|管|重点)/.test(name))
    return false;
  if (/[0-9０-９]|[个家所项批位名]$|企$|企业|型|(地区|区域)$/.test(name) || isPlace(name)) return false;
  // Ownership and size words name kinds of companies (国有控股, 跨国公司).
  if (/^(国有|民营|外资|中央|地方|上市|跨国|大型|中小|头部|龙头|优质)/.test(name)) return false;
  return !isCompanyCategory(name) && !isNotEnterprise(name, isPlace);
}

/** Companies named in prose by what is said of them (won, merged, founded, listed as 车企). */
export function findCompanies(p: string, isPlace: IsPlace = () => false): CompanyMention[] {
  const out: CompanyMention[] = [];
  const add = (raw: string, start: number) => {
    const name = stripLeadVerbs(raw).replace(OPENING_WORDS, '');
    if (isCompanyName(name, isPlace)) out.push({ name, start: start + raw.length - name.length });
  };
  for (const re of [HONOUR_HOLDER, MERGED_ONE, FOUNDED, SEAT_ARRIVES, LISTED]) {
    re.lastIndex = 0;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      const name = m[1]!;
      // Honours and mergers without a legal suffix need a brand-like holder (not a place, a kind or a work).
      const brandOk = re === HONOUR_HOLDER || re === SEAT_ARRIVES;
      if (!brandOk && !ORG_SUFFIX.test(name) && !ENTERPRISE_SUFFIX.test(name)) continue;
      add(name, m.index + m[0].indexOf(name));
    }
  }
  MERGED_PAIR.lastIndex = 0;
  for (let m = MERGED_PAIR.exec(p); m; m = MERGED_PAIR.exec(p)) {
    if (NOT_A_PARTY.test(m[1]!) || NOT_A_PARTY.test(m[2]!)) continue;
    add(m[1]!, m.index + m[0].indexOf(m[1]!));
    add(m[2]!, m.index + m[0].lastIndexOf(m[2]!));
  }
  for (const [re, skip] of [
    [OPENED, VENUE],
    [KIND_CLOSER, /^$/],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(p); m; m = re.exec(p))
      for (const { raw, start } of itemsBefore(p, m.index)) if (raw.length <= 24 && !skip.test(raw)) add(raw, start);
  }
  return out;
}

// The legal forms a company's short name takes (国投 / 国投集团, 某某 / 某某股份).
const LEGAL_FORM = /^(.{2,})(集团|公司|股份|控股|集团公司|股份公司|有限公司)$/;

/**
 * One canonical name per company: a short name written beside its legal form (国投, 国投集团)
 * becomes an alias of the legal form. Returns canonical name → aliases, in first-seen order.
 */
export function canonicalEnterprises(names: Iterable<string>): Map<string, string[]> {
  const all = [...names];
  const known = new Set(all);
  const aliasOf = new Map<string, string>();
  for (const name of all) {
    const short = LEGAL_FORM.exec(name)?.[1];
    if (short && known.has(short) && !aliasOf.has(short)) aliasOf.set(short, name);
  }
  const out = new Map<string, string[]>();
  for (const name of all) {
    const canonical = aliasOf.get(name) ?? name;
    const aliases = out.get(canonical) ?? [];
    if (canonical !== name) aliases.push(name);
    out.set(canonical, aliases);
  }
  return out;
}
