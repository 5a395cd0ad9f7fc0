import { describe, expect, test } from 'vitest';
import {
  autonomousShortNames,
  buildPlaceDictionary,
  combineLookup,
  scanPlaces,
} from '../../src/extract/places/place-dictionary.ts';
import { findAbbreviationRuns, generalPlaces } from '../../src/extract/places/general-places.ts';
import { findNamedAreas } from '../../src/extract/places/named-areas.ts';
import { createWordCheck } from '../../src/extract/places/word-boundaries.ts';
import { shortName } from '../../src/gazetteer/gazetteer.ts';
import { findSingletons } from '../../src/extract/entities/singletons.ts';

// Places beyond the administrative divisions of the report's own region. The sentences are made
// up; place names that are not general geography (rivers, countries, provinces) are invented.

const names = (
  text: string,
  region: Parameters<typeof buildPlaceDictionary>[0] = { name: '湖南省', level: 'province', code: '43' },
) =>
  scanPlaces(text, combineLookup(buildPlaceDictionary(region), new Map()), createWordCheck()).map(
    ([s, e, entry]) => `${text.slice(s, e)}:${entry.type}`,
  );

describe('general places', () => {
  test('macro-regions, rivers, lakes, mountains and foreign countries are places', () => {
    expect(names('深度对接长三角和粤港澳大湾区，拓展东北亚市场。')).toEqual([
      '长三角:region',
      '粤港澳大湾区:region',
      '东北亚:region',
    ]);
    expect(names('守护长江流域，保护洞庭湖，修复秦岭生态。')).toEqual(['长江流域:region', '洞庭湖:lake', '秦岭:other']);
    expect(names('扩大对德国、巴西和新加坡的出口。')).toEqual(['德国:other', '巴西:other', '新加坡:other']);
  });

  test('a foreign name must be a whole word where it is written', () => {
    expect(names('依法国有资产监管')).toEqual([]);
    expect(names('深化与法国合作')).toEqual(['法国:other']);
    expect(names('增加纳入医保的药品')).toEqual([]);
  });

  test('a sub-provincial region is a direction and a province abbreviation', () => {
    expect(names('支持粤东、粤西、粤北加快发展。')).toEqual(['粤东:region', '粤西:region', '粤北:region']);
    expect(generalPlaces().some((p) => p.name === '京东')).toBe(false);
  });

  test('a 某中 region is not an abbreviation followed by 中 "in" or 中央', () => {
    expect(names('推动湘中地区发展')).toEqual(['湘中:region']);
    expect(names('在富民兴湘中开创未来')).toEqual([]);
    expect(names('服务驻湘中央企业')).toEqual([]);
  });

  test('a desert written by its short name is the desert, not a province inside it', () => {
    expect(names('开展巴丹吉林通道前期工作')).toEqual(['巴丹吉林:region']);
  });

  test('a run of province abbreviations names the provinces together', () => {
    expect(findAbbreviationRuns('共建湘鄂赣协作区，推进川渝合作。').map((r) => r.name)).toEqual(['湘鄂赣']);
    expect(findAbbreviationRuns('推进新疆发展')).toEqual([]);
  });
});

describe('places the division table does not hold', () => {
  test('the special administrative regions, Taiwan, national new areas and seas are places', () => {
    expect(names('深化与香港、澳门合作，支持雄安新区建设，保护渤海生态。')).toEqual([
      '香港:province',
      '澳门:province',
      '雄安新区:other',
      '渤海:other',
    ]);
    expect(names('团结台湾同胞')).toEqual(['台湾:province']);
  });

  test('corridors, passes and the basins of lakes are places', () => {
    expect(names('建设河西走廊，保护玉门关遗迹，治理太湖流域。')).toEqual([
      '河西走廊:region',
      '玉门关:other',
      '太湖流域:region',
    ]);
  });

  test('two province abbreviations that name a region together are a region', () => {
    expect(names('主动服务京津，深化川渝合作。')).toEqual(['京津:region', '川渝:region']);
  });

  test('a water name opening with a direction is a whole word', () => {
    expect(names('推进北运河全线通航')).toEqual(['北运河:river']);
    // 江北 + 运河: the canal north of a river, not the river 北运河.
    expect(names('开展江北运河沿线治理')).toEqual([]);
  });

  test('a work, zone or park named after a division names the division too, a river named like one does not', () => {
    const extra = new Map([
      [
        '浏阳科学城',
        { surface: '浏阳科学城', canonical: '浏阳科学城', code: '', type: 'other' as const, parentCode: null },
      ],
    ]);
    const dict = buildPlaceDictionary({ name: '湖南省', level: 'province', code: '43' });
    const hits = scanPlaces('建设浏阳科学城', combineLookup(dict, extra), createWordCheck()).map(([s, e]) =>
      '建设浏阳科学城'.slice(s, e),
    );
    expect(hits).toEqual(['浏阳', '浏阳科学城']);
    const park = new Map([
      ['浏阳花海', { surface: '浏阳花海', canonical: '浏阳花海', code: '', type: 'park' as const, parentCode: null }],
    ]);
    const parkHits = scanPlaces('推动浏阳花海创建景区', combineLookup(dict, park), createWordCheck()).map(([s, e]) =>
      '推动浏阳花海创建景区'.slice(s, e),
    );
    expect(parkHits).toEqual(['浏阳', '浏阳花海']);
    expect(names('保护浏阳河')).toEqual(['浏阳河:river']);
  });
});

describe('short names in a provincial report', () => {
  test('counties and districts of the province are found by their short name', () => {
    // 浏阳市 and 宁乡市 are county-level cities of 湖南省.
    expect(names('浏阳、宁乡两地携手')).toEqual(['浏阳:county', '宁乡:county']);
  });

  test('a short name that is an ordinary word is not a place', () => {
    // 通道侗族自治县 is a county of 湖南省; 通道 is also the word for a corridor.
    expect(names('打通出海通道')).toEqual([]);
    expect(names('通道侗族自治县')).toEqual(['通道侗族自治县:county']);
  });

  test('a county heading its port or zone is named there; a mountain heading a company is not a place', () => {
    // 黄骅 is a county-level city of 河北省 that the segmenter reads as one word with its port;
    // 雪峰山 is a mountain range.
    expect(names('加快黄骅港建设', { name: '河北省', level: 'province', code: '13' })).toEqual(['黄骅:county']);
    expect(names('保护雪峰山生态')).toEqual(['雪峰山:other']);
    expect(names('推动雪峰山集团上市')).toEqual([]);
  });

  test("other provinces' counties and districts are found by their full name only", () => {
    // 海淀区 is a district of 北京市, not of 湖南省.
    expect(names('与海淀区开展合作')).toEqual(['海淀区:county']);
    expect(names('与海淀开展合作')).toEqual([]);
  });

  test("the province's towns are found by their full name, never a kind of town", () => {
    // 秩堂镇 is a town of 湖南省.
    expect(names('秩堂镇入选名单')).toEqual(['秩堂镇:town']);
    expect(names('秩堂入选名单')).toEqual([]);
    expect(names('建设一批中心镇')).toEqual([]);
  });

  test('a new area, special district or forest district is written without that suffix', () => {
    expect(shortName('青岚新区')).toBe('青岚');
    expect(shortName('松溪特区')).toBe('松溪');
    expect(shortName('青岚山林区')).toBe('青岚山');
    // 松柏林 + 区, not 松柏 + 林区.
    expect(shortName('松柏林区')).toBe('松柏林');
  });

  test('an autonomous division is written without its nationality', () => {
    expect(autonomousShortNames('青岚彝族自治州')).toEqual(['青岚', '青岚州']);
    expect(autonomousShortNames('松溪土家族苗族自治县')).toEqual(['松溪', '松溪县']);
    expect(autonomousShortNames('青岚市')).toEqual([]);
    // Cut where the nationalities begin: not 青岚 + 坪哈萨克族.
    expect(autonomousShortNames('青岚坪哈萨克族自治县')).toEqual(['青岚坪', '青岚坪县']);
    expect(autonomousShortNames('松溪各族自治县')).toEqual(['松溪', '松溪县']);
  });
});

describe('areas named after a place', () => {
  const known = new Set(['青岚', '松河']);
  test('terrain after a known place or river is a region', () => {
    expect(findNamedAreas('保护青岚盆地和松河谷地。', known).map((a) => a.name)).toEqual(['青岚盆地', '松河谷地']);
  });
  test('a zone takes a known place or, for a customs zone, a name opening its clause', () => {
    expect(findNamedAreas('青岚高新区扩区，。白鹭综保区封关。', known).map((a) => a.name)).toEqual([
      '青岚高新区',
      '白鹭综保区',
    ]);
    expect(findNamedAreas('，开展高新区建设，强化开发区管理。', known)).toEqual([]);
  });
  test("a city's named district keeps the head its clause writes, after the verbs", () => {
    expect(
      findNamedAreas('支持白鹭科学城建设，高标准建成青石国际商务合作区，落实国家支持松岗深度合作区方案。', known).map(
        (a) => a.name,
      ),
    ).toEqual(['白鹭科学城', '青石国际商务合作区', '松岗深度合作区']);
    // A kind, a count or a direction is not a name: 境外经贸合作区, 五个新片区, 北部新片区, 大力推动商务区.
    expect(findNamedAreas('推动境外经贸合作区，深化五个新片区，建设北部新片区，大力推动商务区。', known)).toEqual([]);
    // A 新片区 is a zone's named extension: a head that names a kind elsewhere (临空经济区) is its name.
    expect(findNamedAreas('，支持临空新片区建设，发展临空商务区。', known).map((a) => a.name)).toEqual(['临空新片区']);
  });
  test('an archaeological site is a place, without its verb or the division it lies in', () => {
    expect(findNamedAreas('推进白鹭遗址申遗，青岚石溪遗址入选名单。', known).map((a) => a.name)).toEqual([
      '白鹭遗址',
      '石溪遗址',
    ]);
    expect(findNamedAreas('做好白鹭、石溪等遗迹考古。', known).map((a) => a.name)).toEqual(['白鹭', '石溪']);
    expect(findNamedAreas('用好革命旧址遗址，建设国家考古遗址公园。', known)).toEqual([]);
    expect(findNamedAreas('推进大白鹭、石溪城等国家考古遗址公园建设。', known).map((a) => a.name)).toEqual([
      '大白鹭',
      '石溪城',
    ]);
  });

  test('the areas a clause names with a national scenic rating are parks, as written', () => {
    expect(findNamedAreas('新增白鹭寺、石溪沟2家5A级景区。', known).map((a) => `${a.name}:${a.type}`)).toEqual([
      '白鹭寺:park',
      '石溪沟:park',
    ]);
    expect(findNamedAreas('推动青岚古城、松溪梯田等创建国家5A级旅游景区。', known).map((a) => a.name)).toEqual([
      '青岚古城',
      '松溪梯田',
    ]);
    // A known place followed by another (青岚 + 松河) is left to the dictionary.
    expect(findNamedAreas('推动青岚松河创建5A级景区。', known)).toEqual([]);
  });

  test('a zone named 科学城 after a known place, and a part of a known range by its direction, are places', () => {
    const typed = new Map([
      ['青岚', { type: 'county' as const }],
      ['松岭', { type: 'other' as const }],
    ]);
    expect(findNamedAreas('建设青岚科学城，保护西松岭生态。', typed).map((a) => `${a.name}:${a.type}`)).toEqual([
      '西松岭:other',
      '青岚科学城:other',
    ]);
  });

  test('a park after a known river, lake or mountain is a park; after a county it is not', () => {
    const typed = new Map([
      ['松河', { type: 'river' as const }],
      ['青岚', { type: 'county' as const }],
    ]);
    expect(findNamedAreas('建成松河湿地公园和青岚公园。', typed).map((a) => `${a.name}:${a.type}`)).toEqual([
      '松河湿地公园:park',
    ]);
  });
});

describe('water names cut from their sentence', () => {
  test('a verb in front of a river is not part of its name', () => {
    expect(findSingletons('，贯通青河两岸绿道。').map((s) => s.name)).toEqual([]);
    expect(findSingletons('，打好松溪河流域治理。').map((s) => s.name)).toEqual([]);
  });
});

describe("a city report's towns", () => {
  // 绥化市's divisions include towns named 发展乡 and 繁荣乡: words a report writes everywhere.
  const city = { name: '绥化市', level: 'city' as const, code: '2312' };
  test('a town whose short form is an ordinary word is named only by its full name, where a word ends', () => {
    expect(names('坚持高质量发展，推动文化繁荣，发展乡村旅游。', city)).toEqual([]);
    expect(names('发展乡新建卫生院。', city)).toEqual(['发展乡:town']);
  });
});

describe('home divisions whose short form is also a word', () => {
  test('are places only as list items beside another division', () => {
    expect(names('支持长沙、芙蓉、岳阳等地协同发展，芙蓉花开满城。')).toEqual([
      '长沙:city',
      '芙蓉:county',
      '岳阳:city',
    ]);
    expect(names('天心、芙蓉等城区')).toEqual([]);
  });
});
