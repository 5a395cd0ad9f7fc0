// Surface patterns that say what kind of thing a name is. General suffix lists, no names.

/** Companies: 兴发集团, 稳健医疗, 芯创电子, 汉口银行, 天门纺机. */
export const ENTERPRISE_SUFFIX =
  /(集团|公司|股份|银行|科技|电子|光电|医疗|医药|药业|制药|纺机|纺织|服饰|服装|家居|数控|精密电工|精密|电工|食品|环保|新能源|锂电|能源|化工|材料|汽车|机械|电气|电器|智能|物流|牧业|酒业|建工|置业|控股|实业|大数据|半导体|微电子|芯片|通信|软件|传媒|航空|钢铁|水泥|光伏|储能|电池|节能|生物|石化|重工|矿业|证券|保险|信托|基金)$/;

/** Concrete works and facilities: 武天高速, 二水厂改扩建, 北湖小学, 智能生产线, 离岸科创中心. */
export const PROJECT_SUFFIX =
  /(工程|项目|高速公路|高速|高铁|铁路|城际|轨道交通|地铁|[0-9一二三四五六七八九十]+号线|机场|港区|码头|大桥|桥|隧道|水厂|污水处理厂|电厂|电站|水库|枢纽|小学|初中|高中|中学|学校|医院|卫生院|产业园|科技园|物流园|公园|生产线|智慧工厂|工厂|展厅|中心|平台|大厅|场馆|体育馆|科技馆|博物馆|图书馆|美术馆|研究院|实验室|改扩建|扩建|北延|南延|东延|西延|延伸段|总部|干线|支线|旅游公路|(?<![阶手片地时转]|示范)段|[一二三四五六七八九十]期|灌区|连接线|研究所|实验站|加速器|实验堆|资源库|植物园|船闸|运河|数据中心集群|机场.{0,4}跑道|至.{1,8}[一二三四五六七八九十]{1,2}线|电入[\u4e00-\u9fa5])$/;

/** Natural and planning places: 天门河, 肖严湖, 武汉都市圈, 天门新城街区, 海龙岛风景区. */
export const PLACE_SUFFIX =
  /(河|湖|江|水库|湿地|山|岛|湾|都市圈|城市群|经济带|经济区|新区|开发区|高新区|经开区|街区|风景区|景区|庄园|自然保护区|片区)$/;

/**
 * Facilities whose suffix also ends common nouns (人才交流通道, 就业服务站, 现代产业学院): a work
 * only when the head names it — a place inside it (广州白云站, 临江文化科技大学) or, for routes and
 * ports, a short head with no generic word (狮子洋通道, 青茂口岸).
 */
const NAMED_FACILITY = /(通道|口岸|陆港|深水港|煤矿|矿|大学|学院|创新院)$/;
const GENERIC_FACILITY_HEAD =
  /(^新(?=.{0,1}$)|新$|战略|安全|交流|绿色|物流|贸易|开放|国际|出海|跨境|快速|应急|救援|人才|服务|智慧|现代|综合|工作|驿|充电|加油|换电|公交|监测|观测|维权|示范|跨|采|航空|空港|疏散|消防|逃生|卫生|全国|全省|边境|沿边|铁路|公路|陆路|水运|集约|智能|专业|一流|特色|产业|工程师|技术|职业|老年|开放|数字|海上|陆海|空中|大|小|各|等)/;

export function isNamedFacility(name: string, isPlace: (s: string) => boolean): boolean {
  const m = NAMED_FACILITY.exec(name);
  if (!m || name.length < 4 || name.length > 16) return false;
  const head = name.slice(0, -m[1]!.length);
  const hasPlace = [...Array(head.length).keys()].some((i) =>
    [2, 3, 4].some((n) => i + n <= head.length && head.slice(i, i + n) !== '中国' && isPlace(head.slice(i, i + n))),
  );
  if (/^(大学|学院|创新院)$/.test(m[1]!)) return hasPlace;
  // 某地国际陆港, 新某某口岸: what is left of the head once its generic words go is the name.
  if (/^(口岸|陆港|深水港)$/.test(m[1]!))
    return head.replace(new RegExp(GENERIC_FACILITY_HEAD.source, 'g'), '').length >= 2;
  // 某某煤矿 / 某某通道 / 某某口岸: a proper head of two to five characters.
  return head.length >= 2 && head.length <= 5 && !GENERIC_FACILITY_HEAD.test(head);
}

// Words that name a kind of facility or a function, not a facility: a 中心/平台 made only of them
// (检验检测中心, 省科技成果进场交易平台, 残疾人日间照料服务中心) is a category.
const KIND_WORDS = [
  '检验',
  '检测',
  '认证',
  '计量',
  '标准',
  '质量',
  '工业',
  '设计',
  '制造业',
  '制造',
  '创新',
  '产业',
  '技术',
  '工程化',
  '科技',
  '成果',
  '进场',
  '交易',
  '集散',
  '零部件',
  '原材料',
  '服务',
  '公共',
  '综合',
  '区域',
  '地方',
  '特色',
  '消费',
  '算力',
  '调度',
  '残疾人',
  '日间',
  '照料',
  '保税',
  '物流',
  '交叉',
  '学科',
  '现代',
  '农事',
  '文化',
  '出海',
  '国家级',
  '省级',
  '市级',
  '县级',
  '国家',
  '全国',
  '省',
  '市',
  '高水平',
  '领域',
  '数据',
  '人工智能',
  '研发',
  '孵化',
  '众创',
  '应急',
  '救援',
  '指挥',
  '政务',
  '便民',
  '养老',
  '托育',
  '医疗',
  '健康',
  '康复',
  '护理',
  '社区',
  '乡镇',
  '村级',
  '街道',
  '综治',
  '矛盾',
  '纠纷',
  '调解',
  '就业',
  '人才',
  '职业',
  '技能',
  '培训',
  '共享',
  '共性',
  '运营',
  '展示',
  '体验',
  '营销',
  '结算',
  '研究',
  '转化',
  '转移',
  '中试',
  '概念验证',
  '试验',
  '知识产权',
  '保护',
  '金融',
  '贸易',
  '商贸',
  '会展',
  '电商',
  '跨境',
  '新型',
  '智能',
  '数字',
  '大数据',
  '信息',
  '网络',
  '安全',
  '监测',
  '预警',
  '配送',
  '冷链',
  '仓储',
  '供应链',
  '国际',
  '一体化',
  '工作',
  '业务',
  '企业',
  '外贸',
  '平台',
  '新时代',
  '文明',
  '实践',
  '重点',
  '重大',
  '示范',
  '专业',
  '行业',
  '要素',
  '资源',
  '环境',
  '生态',
  '能源',
  '低碳',
  '绿色',
  '农业',
  '农村',
  '城市',
  '乡村',
  '基层',
  '老年',
  '儿童',
  '妇女',
  '青少年',
  '心理',
  '法律',
  '援助',
  '政策',
  '咨询',
  '发布',
  '审批',
  '登记',
  '管理',
  '治理',
  '监管',
  '执法',
  '普惠',
  '融资',
  '担保',
  '信用',
  '统一',
  '一站式',
  '的',
  '和',
  '与',
  '及',
  '类',
  '各类',
  '各级',
  '一批',
  '更多',
  '高校',
  '本地',
  '自建',
].sort((a, b) => b.length - a.length);

/** True for a 中心/平台 whose head is only words for kinds and functions (检验检测中心, 算力调度平台). */
export function isKindOfFacility(name: string): boolean {
  const m = /(中心|平台)$/.exec(name);
  if (!m || /[“”A-Za-z0-9（）]/.test(name)) return false;
  let rest = name.slice(0, -m[1]!.length);
  while (rest.length > 0) {
    const w = KIND_WORDS.find((k) => rest.startsWith(k));
    if (!w) return false;
    rest = rest.slice(w.length);
  }
  return true;
}

// Strategic positionings and titles, which are goals (大湾区国际科技创新中心, 国家外经贸提质增效示范项目).
const DESIGNATION =
  /(国际|全球|全国|综合性国家|国家)[\u4e00-\u9fa5]{0,4}(科技创新|科学|金融|贸易|航运|消费|商贸|交往|物流)中心$|辐射中心$|^面向|^国家[\u4e00-\u9fa5]{2,14}示范项目$/;

/** True for a designation named like a facility: a goal, not a work. */
export function isDesignationName(name: string): boolean {
  return DESIGNATION.test(name);
}

/** A stretch of a river or a park of nature (某河某地段, 某某地质公园): a place, not a work. */
export function isNaturalArea(name: string): boolean {
  // (滨江南延伸段 is a riverside work, not a stretch of the river.)
  return (
    (/^[\u4e00-\u9fa5]{1,4}[河江湖][\u4e00-\u9fa5]{2,3}段$/.test(name) && !/[滨沿]|延伸/.test(name)) ||
    /地质公园$/.test(name)
  );
}

export function placeTypeForSuffix(name: string): 'river' | 'lake' | 'region' | 'park' | 'other' {
  if (/(河|江)$/.test(name)) return 'river';
  if (/(湖|水库)$/.test(name)) return 'lake';
  if (/(都市圈|城市群|经济带|经济区)$/.test(name)) return 'region';
  if (/(公园|湿地)$/.test(name)) return 'park';
  return 'other';
}

// Generic modifiers that make a head look like a company name but are not one (现代纺织产业…).
const GENERIC_HEAD =
  /^(国家|全省|省级|市级|现代|新型|智慧|绿色|数字|传统|特色|优势|先进|高端|战略|重点|新兴|未来|生态|城区|城市|农村|乡镇|综合|区域|公共|文化|医疗|交通|产业|行业|中医|医药|科技|技术|信息|工业|农业|制造|能源|资源|环境|创新|新能源|国际|风电|光伏|氢能|储能|算力|就业|卓越|领航)/;

const NOT_AFTER_COMPANY = /^(大学|学院|附属|研究|医院|中心|化)/;

// A company's seat: 某某全球总部, 某某区域总部 (the company is what comes before).
const HEADQUARTERS = /^(.{2,10}?)(全球|全国|国际|区域|亚太|中国|华北|华东|华南|华中|西北|西南|东北|第二)?总部$/;

/** A company name at the start of a project name: 稳健医疗全棉水刺无纺布 → 稳健医疗, 通威三期 → 通威. */
export function enterprisePrefix(project: string): string | null {
  const seat = HEADQUARTERS.exec(project);
  if (seat)
    return GENERIC_HEAD.test(seat[1]!) || /(企业|央企|国企|机构|经济|公司|地区|型|类|级|性)$/.test(seat[1]!)
      ? null
      : seat[1]!;
  // 通威三期: a two-character brand with a phase is the company's project.
  const phase = /^([\u4e00-\u9fa5]{2,4})[一二三四五六七八九十]期$/.exec(project);
  if (phase && (phase[1]!.length === 2 || ENTERPRISE_SUFFIX.test(phase[1]!))) return phase[1]!;
  if (phase) return null;
  for (let len = 3; len <= 5 && len < project.length - 1; len++) {
    const head = project.slice(0, len);
    // …医药大学附属…, 保税物流中心, 再电气化: the head runs on into another word, not a company.
    if (ENTERPRISE_SUFFIX.test(head) && !GENERIC_HEAD.test(head) && !NOT_AFTER_COMPANY.test(project.slice(len)))
      return head;
  }
  return null;
}

/**
 * True when a candidate cannot be a name as written: a count in front (1596个…项目), a verb or 的
 * inside (…获评…, …的决定性阶段), unbalanced quotes, or too short to name anything.
 */
export function isMalformedName(name: string, minLength = 3): boolean {
  if (name.length < minLength || name.length > 30) return true;
  if (/[0-9０-９]+(?:万|千|百)?[个项家座条所处名户]|^[”」）)、，]/.test(name)) return true;
  if (/获评|参与|用于|争取|共同|位列|跻身|进入|入选|的/.test(name) || /^(向|对|把|将|被|从)/.test(name)) return true;
  if (/从.+(到|向|转)/.test(name) || /^[一二三四五六七八九十]+是/.test(name)) return true;
  if ((name.match(/（/g) ?? []).length !== (name.match(/）/g) ?? []).length) return true;
  const open = (name.match(/“/g) ?? []).length;
  const close = (name.match(/”/g) ?? []).length;
  return open !== close;
}

// A kind of work rather than a named one: only generic modifiers before the suffix (算力中心,
// 体育公园, 政府投资项目, 城际铁路, 普通高中, 智能工厂, 上市公司募投项目).
const GENERIC_WORK_NAME =
  /^(国家级?|省级?|市级?|县级|区域|综合|智慧|数字|算力|研发|中试|城际|城市间|体育|卓越级|二甲|三甲|三级|二级|病险|联合|规模化|供水|生活污水|污水|收集|大型|中型|小型|民用|运输|精品|平台|物流|货运|冷链|骨干|自然|郊野|口袋|土木|高水平|政府投资|中央预算内投资|修复|各类|各大|大中小|更多|新|重大|重点|示范|公共|专业|基础|创新|服务|高速|低空|绿色|民生|产业|标志性|多层次|前沿|科研|全球化|应急|救援|医疗|文化|教育|养老|托育|社区|乡村|农村|城乡|城市|配套|新型|传统|全国|普通|专门|零碳|智能|招商|电商|商贸|技术|医学|领航级|颠覆性|抽水蓄能|企业|上市公司|募投|增资扩产|高校|优质|龙头|公立|研究型|国际|经济|金融|贸易|航运|科技|风险管理|交易|概念验证|功能性|整体改造|民办实事|实事|纪念|义务教育|延链补链强链|延链|补链|强链|县域|高等|中等|职业|交通|综合交通|人才|集聚|特色|虚拟|共享|招投标|油气|网络|管网|房屋建筑|房屋|建筑)+(项目|工程|平台|中心|公园|铁路|高铁|医院|学校|高中|初中|小学|中学|工厂|通道|公路|高速公路|高速|机场|枢纽|实验室|基地|设施|场馆|电厂|电站|干线|水库|灌区|植物园|考古遗址公园|产业园)$/;

// A count or a class in front: the phrase is about works of a kind (一批…项目, 新一轮…医院,
// 更多…项目, 首家…工厂), not the name of one.
const CLASS_LED = /^(?:全国|全省|全球|国内)?(一批|一大批|一系列|更多|各大|各类|相关|若干|多个|首家|首个|首批)/;
// 新一轮 opens a named programme too (新一轮…造林绿化工程): generic only when what follows is.
const NEW_ROUND = /^新一[轮批代]/;

/** True for the name of a kind of work (算力中心, 一批机场) rather than of a work (深中通道). */
export function isGenericWorkName(name: string): boolean {
  if (NEW_ROUND.test(name)) {
    const rest = name.replace(NEW_ROUND, '');
    return rest.length <= 4 || isGenericWorkName(rest);
  }
  if (GENERIC_WORK_NAME.test(name) || CLASS_LED.test(name) || GENERIC_SEAT.test(name)) return true;
  // 高速公路出入口, 铁路沿线…: a kind of road before the rest names no road.
  if (/^(高速公路|高速|铁路|公路|国省道|农村公路)(?!.{0,2}$)/.test(name) && !/[至到]/.test(name)) return true;
  // 某某污染物重点工程: works counted by a kind, not a work.
  if (/(重点|重大)工程$/.test(name)) return true;
  // 链主型、基地型项目, 劳动密集型产业园: a type of work, not a work.
  if (/^[\u4e00-\u9fa5]{1,4}型(项目|工程|平台|中心|基地|产业园|园区)$/.test(name)) return true;
  // “十五五”重大项目: a period's label before a kind leaves a kind.
  const unquoted = name.replace(/^“[^”]{1,6}”/, '');
  if (unquoted !== name && unquoted.length >= 2 && isGenericWorkName(unquoted)) return true;
  // 县县通高速 (a slogan: every county), “两重”项目 (a numbered policy label), 乡镇…中心 (one per town).
  if (/^(.)\1/.test(name) || /^“[一二两三四五六七八九十百千万]+[\u4e00-\u9fa5]{0,2}”(项目|工程|建设)$/.test(name))
    return true;
  if (/^(乡镇|街道|村级|县级|社区|镇村|县乡)/.test(name)) return true;
  // 老旧燃气管道, 老旧小区: the works of an age, not a work.
  if (/^老旧/.test(name)) return true;
  // 跨国公司地区总部, 外资企业研发总部: the seats of a kind of company (a named one has its name: 某某集团总部).
  if (/(公司|企业|跨国|外资|央企|国企|民企)[\u4e00-\u9fa5]{0,2}总部$/.test(name)) return true;
  // 海上风电, 深远海风电, 分布式光伏: a kind of power, unless a name or a phase follows (某某海上风电一期).
  if (/^(海上|深远海|陆上|分布式|集中式|新型)?(风电|光伏|核电|氢能|储能)$/.test(name)) return true;
  // A province's one-character abbreviation before a kind (某全国重点实验室) leaves a kind.
  return name.length > 4 && PROVINCE_ABBREVIATION.test(name[0]!) && GENERIC_WORK_NAME.test(name.slice(1));
}

const PROVINCE_ABBREVIATION = /[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕陇甘青宁新]/;

// Kinds of headquarters (功能型总部, 跨国公司地区总部), not the seat of a named company.
const GENERIC_SEAT = /^[\u4e00-\u9fa5]{0,4}?(功能型|地区|区域|企业|公司|央企|国企|民企|外资|结算|研发|营销|运营)总部$/;

// Words that put what follows out of the plan: 坚决反对政绩工程、形象工程, 杜绝…, 不搞….
const NEGATION = /(反对|杜绝|不搞|防止|避免|严禁|禁止|摒弃|遏制|不上|不再)/;

// The clause starts of the last paragraph asked about, and where each clause's first negation
// ends: one pass per paragraph, so a list of thousands of items costs a lookup per item.
let negationFor: { p: string; starts: number[]; firstEnd: number[] } | null = null;

function negationIndex(p: string) {
  if (negationFor?.p === p) return negationFor;
  const starts = [0];
  for (let i = 0; i < p.length; i++) if (/[，。；：！？]/.test(p[i]!)) starts.push(i + 1);
  const firstEnd = starts.map((s, k) => {
    const clause = p.slice(s, k + 1 < starts.length ? starts[k + 1]! - 1 : p.length);
    const m = NEGATION.exec(clause);
    return m ? s + m.index + m[0].length : Infinity;
  });
  negationFor = { p, starts, firstEnd };
  return negationFor;
}

/** True when the clause before `at` in `p` negates what is named there. */
export function isNegated(p: string, at: number): boolean {
  const { starts, firstEnd } = negationIndex(p);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return firstEnd[lo]! <= at;
}

// A kind of company rather than a company (上市公司, 独角兽企业, 世界500强, 专业机构).
const COMPANY_CATEGORY = /(企业|公司|强|机构|协会|商会|联盟|人才|资金|项目|平台|集群|主体|单位)$/;

/** True for a technology or sector word (集成电路, 新能源汽车) rather than a name. */
export function isSectorTerm(name: string): boolean {
  return GENERIC_TERMS.has(name);
}

/** True for a company category rather than a company's name; 中国节能 and 兴发集团 pass. */
export function isCompanyCategory(name: string): boolean {
  if (GENERIC_TERMS.has(name) || GENERIC_HEAD.test(name)) return true;
  if (name.length <= 2) return /^(项目|人才|资金|平台|企业|公司|机构|产业|行业)$/.test(name);
  return COMPANY_CATEGORY.test(name) && !/(集团|银行)$/.test(name);
}

// Technology and sector words that suffix patterns would take for company names.
const GENERIC_TERMS = new Set([
  '人工智能',
  '大数据',
  '新能源',
  '云计算',
  '物联网',
  '区块链',
  '生物医药',
  '新材料',
  '智能制造',
  '电子信息',
  '集成电路',
  '半导体',
  '低空经济',
  '新能源汽车',
  '智能网联汽车',
  '机器人',
  '人形机器人',
  '商业航天',
  '具身智能',
  '轨道交通',
]);

/** Words that open a clause before a named list item; the name starts after the last of them. */
export const LEAD_VERBS =
  /^.*(获批|入选|组建|加紧|补齐|聚焦|服务保障|上线运行|上线|落实落细|落实|导入|力促|引进|实施|推进|加快|完成|启动|建设|推动|支持|加强|谋划|包括|围绕|依托|做强|做优|培育|打造|新建|开工|建成|开展|落地|签约|招引|对接|抓好|加大|促进|入驻|建立|设立|率先|成立|投用|强化|充分发挥|发挥|持续|建强|做强|建好|办好|用好|扩大|深化|创建|管好|做好|运用|搭建|新设|完善|吸引|以上|以下|以内|以|和|将|在|等|对|为)/;

/**
 * Adverbs and verbs that open a clause, cut only where a name starts with them (they also occur
 * inside names, so LEAD_VERBS cannot cut up to them): 力争…高铁, 巩固…国家公园, 振兴…高中.
 */
export const OPENING_WORDS =
  /^(?:(?:全球|全国|全省|国内)?首[座台套]|织密|扩容升级|扩能提质|提质扩容|提档升级|争取|筹设|研究(?![院型所])|壮大|狠抓|注重|振兴|确保使用|确保|力争|运营|筹建|前瞻布局|布局|定期|巩固|新增|提升|抓实|做深|做实|做细|着力|大力|全力|积极|深入)+|^(?:以及|[好及与并])/;

/** Category nouns after 等 in a list (A、B等…X): what the items are. */
export type ListKind = 'enterprise' | 'project' | 'place' | 'other';

export function classifyListCategory(category: string): ListKind {
  // 甲、乙等千亿优势产业升级工程: the items are industries, whatever the programme is called.
  if (/(产业|行业)[\u4e00-\u9fa5]{0,2}(工程|行动|计划)$/.test(category)) return 'other';
  // 甲、乙等资金的项目: the items are what pays for the works.
  if (/(资金|资金的|方式|方面|环节)/.test(category)) return 'other';
  if (/(上市公司|企业|公司|集团|交易平台|机构|银行|企事业单位|市场主体|龙头)$/.test(category)) return 'enterprise';
  if (/(湖泊|河流|河道|湖|乡镇|镇|村|街道|景区|片区|城市|地区|县|市|区|遗迹|遗址)$/.test(category)) return 'place';
  if (/(项目|工程|学校|设施|场馆|大桥|线路|道路|园区)$/.test(category)) return 'project';
  return 'other';
}
