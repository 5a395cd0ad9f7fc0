import { describe, expect, test } from 'vitest';
import { findGoals } from '../../src/extract/entities/goals.ts';

const brief = (p: string) => findGoals(p).map((g) => `${g.action}:${g.name}`);

describe('findGoals', () => {
  test('finds a designation after its verb, with the core verb as action', () => {
    expect(brief('深入开展违法建设治理等行动，力争创成全国文明城市。')).toEqual(['创成:全国文明城市']);
    expect(brief('岳口镇获评中国曲艺之乡。')).toEqual(['获评:中国曲艺之乡']);
  });

  test('splits a list of designations after one verb', () => {
    expect(brief('加快打造国家农业现代化示范区、全省流域综合治理示范区和华中地区蔬菜集散基地。')).toEqual([
      '打造:国家农业现代化示范区',
      '打造:全省流域综合治理示范区',
      '打造:华中地区蔬菜集散基地',
    ]);
  });

  test('a grade alone shares the noun of the last item; 统筹 opens a list written before 建设', () => {
    expect(brief('3家企业获评国家甲级、乙级示范工厂。')).toContain('获评:国家甲级示范工厂');
    expect(brief('统筹青松强省、白云强省建设，')).toEqual(['建设:青松强省', '建设:白云强省']);
    expect(brief('。加强青松金融改革试验区和白云示范区建设，')).toEqual(['建设:青松金融改革试验区', '建设:白云示范区']);
  });

  test('finds designations written before 创建', () => {
    expect(brief('全国文明城市、国家生态园林城市创建稳步推进。')).toEqual([
      '创建:全国文明城市',
      '创建:国家生态园林城市',
    ]);
  });

  test('drops 名单 and leaves counted designations to the indicators', () => {
    expect(brief('我市入选国家农业现代化示范区创建名单。创建省级美丽乡村典型示范村3个。')).toEqual([
      '入选:国家农业现代化示范区',
    ]);
  });

  test('does not take generic works for goals', () => {
    expect(brief('建设城市可回收物分拣中心，打造有影响力的电商企业5家。')).toEqual([]);
  });
});

describe('strategic positionings and honours', () => {
  test('a positioning is a goal when its name has a scope or a strong suffix', () => {
    expect(brief('打造青岚地区对外开放新高地等重大使命任务。')).toEqual(['打造:青岚地区对外开放新高地']);
    // A bare 综合交通枢纽 is a kind of facility; the ranked 重要节点 is the positioning.
    expect(brief('建设松河重要节点和综合交通枢纽。')).toEqual(['建设:松河重要节点']);
    expect(brief('建设城市可回收物分拣中心。')).toEqual([]);
    expect(brief('成为区域科技创新中心。')).toEqual(['成为:区域科技创新中心']);
  });

  test('和 splits a list only after a whole designation', () => {
    expect(brief('建设特色装备和先进制造基地、青岚中游生态屏障6个方面重点方向。')).toEqual([
      '建设:特色装备和先进制造基地',
      '建设:青岚中游生态屏障',
    ]);
  });

  test('honours won or sought with other verbs', () => {
    expect(brief('青岚机场成为国家绿色低碳示范项目。')).toEqual(['成为:国家绿色低碳示范项目']);
    expect(brief('积极申建国家自贸试验区，争取国家算力协同试点。')).toEqual([
      '申建:国家自贸试验区',
      '争取:国家算力协同试点',
    ]);
    expect(brief('争取国家政策支持，打造一批示范项目。')).toEqual([]);
  });
});

describe('positionings named with their scope, and honours won with other verbs', () => {
  test('the scope before 的 makes a positioning; a following predicate ends the name', () => {
    expect(brief('打造具有全球影响力的青岚科技创新中心成势见效。')).toEqual(['打造:青岚科技创新中心']);
    expect(brief('建设具有世界聚合力的双向开放枢纽取得积极进展。')).toEqual(['建设:双向开放枢纽']);
    expect(brief('打造具有国际竞争力的先进制造业基地交出“硬核答卷”。')).toEqual(['打造:先进制造业基地']);
    expect(brief('当好国家高水平对外开放门户枢纽。')).toEqual(['当好:国家高水平对外开放门户枢纽']);
  });

  test('a designation named first and then approved, landed or won for the first time', () => {
    expect(brief('松河重点城市要素市场化配置综合改革试点获国务院批复。')).toEqual([
      '获国务院批复:松河重点城市要素市场化配置综合改革试点',
    ]);
    expect(brief('全国首个大宗商品资源配置枢纽落地青岚，国家人工智能医疗中试基地成功落地。')).toEqual([
      '落地:大宗商品资源配置枢纽',
      '落地:国家人工智能医疗中试基地',
    ]);
    expect(brief('新一轮松河国际贸易综合改革获批实施。')).toEqual(['获批实施:松河国际贸易综合改革']);
    expect(brief('国家实验室、国家级制造业创新中心均实现“零”的突破。')).toEqual([
      '实现:国家实验室',
      '实现:国家级制造业创新中心',
    ]);
    // A verb-like word inside the name (服务) does not cut it.
    expect(brief('国家级人力资源服务产业园实现“零的突破”。')).toEqual(['实现:国家级人力资源服务产业园']);
    // Landing institutions and short kinds are not designations.
    expect(brief('中国青岚学会落户，争取更多政策试点落地。')).toEqual([]);
  });

  test('honours with 获, 荣获, 申报, quoted names and ordinals in front', () => {
    expect(brief('青岚科技获我省首个制造业领域中国质量奖。')).toEqual(['获:中国质量奖']);
    expect(brief('松河、青岚双获“国际湿地城市”。')).toEqual(['双获:国际湿地城市']);
    expect(brief('松河养殖系统成为我省第6个全球重要农业文化遗产。')).toEqual(['成为:全球重要农业文化遗产']);
    expect(brief('推动青岚古城申报世界文化遗产。')).toEqual(['申报:世界文化遗产']);
    expect(brief('青岚创成全国首个“世界音乐之都”。')).toEqual(['创成:世界音乐之都']);
    // 获 with a rating is not an honour.
    expect(brief('在国家考核中获“六连优”。')).toEqual([]);
  });

  test('grades, ranks, ranges, slogans and plain zones are not designations', () => {
    expect(brief('质量工作考核连续10次获评国家A级。')).toEqual([]);
    expect(brief('跻身全球第三大加油港。')).toEqual([]);
    expect(brief('争取100个以上项目纳入国家用地保障范围。')).toEqual([]);
    expect(brief('打造“三个高地”。')).toEqual([]);
    expect(brief('加快松河城市群建设。')).toEqual([]);
    expect(brief('打造一流湾区和世界级城市群。')).toEqual(['打造:一流湾区和世界级城市群']);
  });
});

describe('more verbs and kinds of titles', () => {
  test('a landing somewhere, an approval by any body, a benchmark city, 构建 a hub', () => {
    expect(brief('医疗、制造等应用中试基地在青落地。')).toEqual(['落地:应用中试基地']);
    expect(brief('松河要素市场化配置综合改革试点获国家批复。')).toEqual(['获国家批复:松河要素市场化配置综合改革试点']);
    expect(brief('加快建设全球数字经济标杆城市。')).toEqual(['建设:全球数字经济标杆城市']);
    expect(brief('构建对外开放新高地，构建现代产业体系。')).toEqual(['构建:对外开放新高地']);
  });

  test('an honour verb names a title for a kind of holder; a batch is not one designation', () => {
    expect(brief('青岚被评为生物多样性魅力城市。')).toEqual(['评为:生物多样性魅力城市']);
    expect(brief('开展第三批示范村建设。')).toEqual([]);
  });
});

describe('awards quoted after their giver, positionings joined by 、, support zones', () => {
  test('cases', () => {
    expect(brief('松河林场荣获联合国“青岚生命奖”。')).toEqual(['荣获:青岚生命奖']);
    expect(brief('为打造中国式现代化建设的先行区、示范区贡献青岚力量。')).toEqual(['打造:中国式现代化建设的先行区']);
    expect(brief('建设青松生态环境支撑区。')).toEqual(['建设:青松生态环境支撑区']);
  });
});

describe('kinds in 一批 lists, ranked clusters, listings and certifications', () => {
  test('cases', () => {
    expect(brief('建设一批创业之城、创意之城、活力之城。')).toEqual([]);
    expect(brief('松河稀贵金属集群成为行业内唯一的国家级先进制造业集群。')).toEqual(['成为:国家级先进制造业集群']);
    expect(brief('打造绿色磷化工先进制造业集群。')).toEqual([]);
    expect(brief('青岚梯田进入世界灌溉工程遗产名录。')).toEqual(['进入:世界灌溉工程遗产']);
    expect(brief('松河市获国际湿地城市认证。')).toEqual(['获:国际湿地城市']);
    expect(brief('民族团结进步示范区建设结出新硕果。')).toEqual(['建设:民族团结进步示范区']);
    expect(brief('生态文明建设排头兵建设展现新面貌。')).toEqual(['建设:生态文明建设排头兵']);
  });
});
