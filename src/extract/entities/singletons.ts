import type { PlaceType } from '#domain/report-graph.ts';
import {
  ENTERPRISE_SUFFIX,
  LEAD_VERBS,
  OPENING_WORDS,
  PLACE_SUFFIX,
  PROJECT_SUFFIX,
  isNamedFacility,
} from './name-patterns.ts';
import { words as segment } from '../places/word-boundaries.ts';

/** A name found on its own (not in an A、B等 list), offsets relative to the paragraph. */
export interface Singleton {
  name: string;
  start: number;
  kind: 'project' | 'enterprise' | 'place';
  placeType?: PlaceType;
}

const NAME = '[\\u4e00-\\u9fa5A-Za-z0-9“”（）()]';
// What may follow a named work: the verb phrase of its sentence or a delimiter.
const AFTER_WORK =
  '(?:(?=基本建成|成为|全线|开通|贯通|完工|挂牌|如期|顺利|进展|加快|开工|竣工|投产|投入|投运|通水|复通|布展|成立|通车|开放|建成|建设|纳入|实现|完成|全面|正式|获批|设立|落户|入驻|改革|启动|刷新|入轨|即将|大坝|下闸|封顶|蓄水|前期|在|等|，|。|、|；|和|$)' +
  // …工程 ends a name whatever verb follows (某某工程刷新纪录), unless a compound goes on (工程师, 工程化).
  '|(?<=工程)(?![师库化部款组包制法体区量数群示技]|[\\u4e00-\\u9fa5]{0,3}(?:干线|支线|段|[一二三四五六七八九十]期|[东西南北]延)))';
const BEFORE =
  '(?:^|[，。；、和的]|实施|推进|加快|启动|完成|建成|建设|推动|支持|开工建设|新建|谋划|建立|设立|引进|依托)';
const WORK = new RegExp(`${BEFORE}(${NAME}{2,22}?)${AFTER_WORK}`, 'g');
// Holders of honours: 天门纺机获评…, 侯口街道友谊社区获评…, 岳口镇获评中国曲艺之乡.
const HOLDER = /(?:^|[，。；])([\u4e00-\u9fa5“”（）、]{2,24}?)(?:成功|再次)?(?:获评|荣获|入选|被评为|获批)/g;
const AREA = /([\u4e00-\u9fa5]{2,4}?(?:街道|镇|乡))([\u4e00-\u9fa5]{2,4}(?:社区|村))?$/;
const WATER =
  /(?:^|[^\u4e00-\u9fa5]|完成|以|抓好|保护|治理|整治)([\u4e00-\u9fa5]{2,3}[河湖江])(?=流域|下游|上游|沿岸|两岸|湿地|“|水系)/g;
// A company written with 集团/公司 opening its clause, whatever follows (某某集团首届…在我省举办).
const GROUP = /(?:^|[，。；、：（“]|与|和|同|引进|引入|支持|推动|推进)([\u4e00-\u9fa5]{2,6}?(?:集团|公司))(?![化式])/g;
const SHARED_GROUP = /(?:^|[，。；]|推进|深化|推动)([\u4e00-\u9fa5]{2,4})、([\u4e00-\u9fa5]{2,5}集团)/g;
const ZONE = /([\u4e00-\u9fa50-9]{2,12}(?:都市圈|城市群|经济带|经济区))/g;
// What may come before a zone's name in the same run of characters (加快扬子江城市群, 龙头的滇中
// 城市群, 推出长江经济带…): cut after the last of them.
const BEFORE_ZONE =
  /^.*([0-9个座处]|的|和|与|及|在|落实|携手|推出|融入|服务|对接|联动|协同|共建|参与|发挥|融合|全面|积极|主动|更好|高水平|高质量)/;

const COUNTED = /[0-9０-９一二三四五六七八九十百千]+[个家所座项条处]/;
const BUILD_VERB = /^(改扩建|扩建|改建|续建|新建)(?=[\u4e00-\u9fa5“]{3})/;

// Words that open a phrase about work in general, not the name of a work (持续改造农村薄弱学校).
const GENERIC_WORK =
  /^(项目|工程|重大|重点|一批|各类|相关|全市|全省|持续|加快|推进|推动|深入|全面|积极|大力|着力|统筹|坚持|优化|提升|完善|改造|市级重点)/;

// A base built at a named place (某地新能源基地, 某市数据标注基地) is a work; other bases are designations.
const BASE = /基地$/;

// Water transfers and power lines named by their ends: 引青济松 (water from 青 to 松), 松电入青.
const ROUTE_NAME = /^(引[\u4e00-\u9fa5]{1,2}[济入][\u4e00-\u9fa5]{1,2}|[\u4e00-\u9fa5]{1,2}电入[\u4e00-\u9fa5])$/;
// A base or centre held by an institution (某某实验室西北创新基地, 某医院国家救援基地) is a work.
const HELD_BASE = /(实验室|医院|大学|研究院|集团|公司).{2,}基地$/;

function classify(name: string, isPlace: (s: string) => boolean): Singleton['kind'] | null {
  // 某某国家文化公园（某段）: a stretch in brackets after the work's name.
  // …and a name in quotes (“某某实验堆”) is read without them.
  const bare = name
    .replace(/（[\u4e00-\u9fa5]{1,6}段）$/, '')
    .replace(/^“(?![一二两三四五六七八九十百千万])([^“”]{4,})”$/, '$1');
  if (PROJECT_SUFFIX.test(bare) && name.length >= 4 && !GENERIC_WORK.test(name)) return 'project';
  if (isNamedFacility(name, isPlace) && !GENERIC_WORK.test(name)) return 'project';
  if (ROUTE_NAME.test(name) || HELD_BASE.test(name)) return 'project';
  if (BASE.test(name) && name.length >= 6 && [2, 3, 4].some((n) => isPlace(name.slice(0, n)))) return 'project';
  if (/(集团|银行|公司)$/.test(name) && name.length >= 4) return 'enterprise';
  return null;
}

// A clause that only uses what exists (用好某某大桥, 发挥某某中心作用): what it names is not built.
const ONLY_USED = /(用好|用足|用活|管好|发挥好?|依托|借助|利用|对接|融入|方便公众)/;
// …and a clause that seeks a title (创建某某创新中心) names a designation, which is a goal.
const DESIGNATING = /(创建|争创|申建|创成)/;

// Words that end in a one-character lead word and are themselves verbs or connectives (成为, 针对,
// 即将, 可以): the lead word is cut with them.
const VERB_WORDS =
  /^(成为|作为|转为|列为|改为|分为|视为|认定为|评为|称为|变为|更为|较为|最为|极为|因为|以为|正在|存在|旨在|面对|针对|应对|相对|绝对|所以|可以|予以|加以|得以|用以|足以|难以|即将|必将|并将|还将|以及|并和|同等)$/;

/**
 * Cuts the clause-opening verbs in front of a name (LEAD_VERBS), except where the last one is a
 * single character inside another word (jieba's segmentation): 祥和公园 keeps its 和, while a
 * standalone 为 and the verb 转为 are cut.
 */
export function stripLeadVerbs(raw: string): string {
  let segmented: readonly string[] | undefined;
  for (let end = raw.length; end > 0;) {
    const m = LEAD_VERBS.exec(raw.slice(0, end));
    if (!m) return raw;
    const cut = m[0].length;
    if (m[1]!.length > 1) return raw.slice(cut);
    segmented ??= segment(raw);
    let i = 0;
    let w = '';
    for (const x of segmented) {
      if (i + x.length >= cut) {
        w = x;
        break;
      }
      i += x.length;
    }
    // The word holding the lead character: on its own, or a verb ending with it.
    if (!w || w.length === 1 || (i + w.length === cut && VERB_WORDS.test(w))) return raw.slice(cut);
    end = cut - 1;
  }
  return raw;
}

// 三个…, 两项…: only 个/座/项/批/所, which never sit inside a name (九条河 keeps its 条).
const COUNTED_SET = /^[一二两三四五六七八九十百千几]+[个座项批所]/;

/** Names of works, companies and places written on their own, by suffix and position. */
export function findSingletons(p: string, isPlace: (s: string) => boolean = () => false): Singleton[] {
  const out: Singleton[] = [];
  WORK.lastIndex = 0;
  for (let m = WORK.exec(p); m; m = WORK.exec(p)) {
    // The lazy match may start at a clause start: drop the verbs before the name (谋划实施…).
    // …and a building verb in front of the work it builds (改扩建京沪高速… → 京沪高速…).
    const lead = stripLeadVerbs(m[1]!);
    // 期盼已久的某某工程: the name starts after the last 的.
    const de = lead.lastIndexOf('的');
    const name = (de >= 0 && lead.length - de > 4 ? lead.slice(de + 1) : lead)
      .replace(OPENING_WORDS, '')
      .replace(BUILD_VERB, '');
    // 坚决反对政绩工程: a work the clause rules out (the verb stayed because it ends a word).
    if (/^(坚决)?(反对|杜绝|不搞|防止|避免|严禁|禁止|摒弃|遏制)/.test(name)) {
      WORK.lastIndex = m.index + m[0].length;
      continue;
    }
    // A count in front (新建5个以上…集团) makes the rest a kind of thing, not a name; so does a
    // counted set after a 的 (…全长1.3万公里的三个X旅游公路): the sentence counts works of a kind.
    const counted = COUNTED.test(m[1]!.slice(0, m[1]!.length - name.length)) || COUNTED_SET.test(name);
    const kind = counted ? null : classify(name, isPlace);
    // The clause before the name, looked at no further back than a short window (a list of
    // thousands of items has no comma to stop at).
    const nameStart = m.index + m[0].length - name.length;
    const window = p.slice(Math.max(0, nameStart - 24), nameStart);
    const clause = window.slice(
      Math.max(window.lastIndexOf('，'), window.lastIndexOf('。'), window.lastIndexOf('；')) + 1,
    );
    // 和美, 和谐: a 和 that opens a word is not the connective the pattern cuts at.
    // …and “某某”和美乡村工程, which jieba reads as 和 + 美 + 乡村: after a quoted modifier, a cut at 和
    // that leaves a one-character word opening the name has split a word.
    const joined =
      m[0].startsWith('和') &&
      ((segment(p.slice(m.index, m.index + 4))[0]?.length ?? 1) > 1 ||
        (p[m.index - 1] === '”' && /^[\u4e00-\u9fa5]/.test(name) && segment(name)[0]?.length === 1));
    // 某某大学建设一流学科: the facility is the subject of what it builds, not a work.
    // …and an existing one that is only supported: a university or college is a work when it is founded.
    const after = p.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const agent =
      /(大学|学院|创新院)$/.test(name) &&
      (/^建设[^，。；、等]/.test(after) ||
        !(
          /(筹设|筹建|新建|建设|建成|设立|成立|开工|组建)/.test(clause) ||
          /^(建成|成立|正式成立|开工|揭牌|挂牌)/.test(after)
        ));
    if (kind && !joined && !agent && !(kind === 'project' && (ONLY_USED.test(clause) || DESIGNATING.test(clause))))
      out.push({ name, start: m.index + m[0].length - name.length, kind });
    WORK.lastIndex = m.index + m[0].length;
  }
  // 某某配置工程（含某某水库扩建）: the bracket names a second work.
  for (const m of p.matchAll(/（含([\u4e00-\u9fa5]{3,16})）/g)) {
    if (PROJECT_SUFFIX.test(m[1]!)) out.push({ name: m[1]!, start: m.index + 2, kind: 'project' });
  }
  HOLDER.lastIndex = 0;
  for (let m = HOLDER.exec(p); m; m = HOLDER.exec(p)) {
    for (const raw of m[1]!.split('、')) {
      const holder = raw.replace(/^[“]|[”]$/g, '');
      if (/[“”]|^我|^全/.test(holder)) continue;
      const start = m.index + m[0].indexOf(raw);
      const area = AREA.exec(holder);
      if (area) {
        out.push({ name: area[1]!, start, kind: 'place', placeType: area[1]!.endsWith('街道') ? 'street' : 'town' });
        if (area[2])
          out.push({
            name: area[2],
            start,
            kind: 'place',
            placeType: area[2].endsWith('社区') ? 'community' : 'village',
          });
      } else if (PLACE_SUFFIX.test(holder)) out.push({ name: holder, start, kind: 'place' });
      else if (ENTERPRISE_SUFFIX.test(holder)) out.push({ name: holder, start, kind: 'enterprise' });
    }
  }
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(p); m; m = GROUP.exec(p)) {
    const name = stripLeadVerbs(m[1]!).replace(OPENING_WORDS, '');
    if (name.length >= 4) out.push({ name, start: m.index + m[0].length - name.length, kind: 'enterprise' });
    GROUP.lastIndex = m.index + m[0].length;
  }
  // 国投、高新投集团: a shared 集团 names two companies.
  SHARED_GROUP.lastIndex = 0;
  for (let m = SHARED_GROUP.exec(p); m; m = SHARED_GROUP.exec(p)) {
    out.push({ name: m[1]!, start: m.index + m[0].indexOf(m[1]!), kind: 'enterprise' });
    out.push({ name: m[2]!, start: m.index + m[0].lastIndexOf(m[2]!), kind: 'enterprise' });
  }
  for (const re of [WATER, ZONE]) {
    re.lastIndex = 0;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      // 围绕长江经济带 → 长江经济带: the verbs before a zone are not part of its name.
      // …and the verbs of water works (贯通某河, 打好某河): they open the clause, not the name.
      let name = m[1]!.replace(LEAD_VERBS, '').replace(/^(贯通|疏通|连通|打通|打好|守护|修复|共护)(?=.{2})/, '');
      if (re === ZONE) name = name.replace(BEFORE_ZONE, '');
      // A zone of a kind (省级渔港经济区, 世界级城市群) is not a place.
      if (
        re === ZONE &&
        /^(世界级|世界一流|一流|国家级|省级|市级|县级|临空|临港|空港|航空港|保税|口岸|沿边|边境|跨境|海洋)/.test(name)
      )
        continue;
      if (name.length >= (re === ZONE ? 5 : 3))
        out.push({ name, start: m.index + m[0].indexOf(m[1]!) + (m[1]!.length - name.length), kind: 'place' });
    }
  }
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.start - b.start)
    .filter((s) => {
      const key = `${s.kind}:${s.name}:${s.start}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
}
