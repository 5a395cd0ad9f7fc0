// The topics (sectors) a project's name or a target's metric is about: a general dictionary of
// sector words, no names. A project serves a target across clauses only when their topics meet.

const TOPICS: [string, RegExp][] = [
  [
    'transport',
    /交通|铁路|高铁|城际|轨道|地铁|动车|高速|公路|国道|省道|大桥|隧道|机场|航空|航线|港口|港区|码头|航道|船闸|通航|客运|货运|运输|路网|[0-9一二三四五六七八九十]号线|班列|枢纽/,
  ],
  ['water', /水利|水网|水库|灌区|灌溉|引水|调水|供水|水资源|引黄|引江|引汉|泵站|水系|节水/],
  // Flood control is another work than water supply: a reservoir for supply does not raise embankments.
  ['flood', /水利|堤防|防洪|蓄滞洪|河道|海堤|排涝/],
  [
    'environment',
    /生态|环境|绿化|造林|植树|森林|林草|草原|治沙|防沙|荒漠|水土|湿地|水体|地表水|水质|断面|空气|PM2|污染|减排|排放|低碳|零碳|碳排|清水|黑臭|修复|山水/,
  ],
  [
    'energy',
    /能源|电力|电网|电站|电厂|煤电|火电|风电|光伏|风光|储能|蓄能|氢能|核电|装机|并网|发电|特高压|输电|输变电|油气|天然气|煤层气|气田|页岩气|煤矿|煤炭|原煤|采煤|充电|绿电/,
  ],
  ['digital', /数据|算力|数字|信息化|网络|5G|互联网|人工智能|软件|数智|智算/],
  ['land', /国土|土地|综合整治|复垦|耕地|农田|宅基地|采煤沉陷/],
  ['agriculture', /农田|粮食|农业|种业|畜牧|养殖|渔业|耕地|灌区|农产品|种植/],
  ['education', /学校|小学|中学|高中|初中|幼儿园|大学|学院|高校|教育|学位|学科|职教|托育/],
  ['health', /医院|医疗|卫生|健康|医共体|诊疗|疾控|中医|养老|康复|护理|床位|门诊/],
  ['culture', /旅游|景区|文旅|文化|博物馆|遗址|考古|演出|游客|文物|体育|场馆|图书馆|美术馆/],
  ['urban', /城市更新|市政|管网|老旧小区|棚户|住房|保障房|城中村|燃气|供热|排水|污水|垃圾|停车|城镇化|安居|人居/],
  [
    'industry',
    /制造|工业|产业链|生产线|工厂|产能|化工|钢铁|装备|汽车|芯片|半导体|集成电路|电池|锂电|玻纤|碳纤维|材料|冶金/,
  ],
  ['employment', /就业|人力资源|创业|招聘|职业技能|技能培训/],
];

/** The topics a phrase names (高铁 → transport, 水利投资 → water); empty when it names none. */
export function topicsOf(phrase: string): Set<string> {
  const out = new Set<string>();
  for (const [topic, re] of TOPICS) if (re.test(phrase)) out.add(topic);
  return out;
}

/** True when two topic sets share a topic. */
export function topicsMeet(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (b.has(t)) return true;
  return false;
}
