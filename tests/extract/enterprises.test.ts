import { describe, expect, test } from 'vitest';
import {
  canonicalEnterprises,
  companyOfProject,
  findCompanies,
  isNotEnterprise,
} from '../../src/extract/entities/enterprises.ts';

// Made-up places and companies: 青岚, 松河 and 云栖 are places here.
const places = new Set(['青岚', '松河', '云栖', '青岚市']);
const isPlace = (s: string) => places.has(s);
const companies = (p: string) => findCompanies(p, isPlace).map((c) => c.name);

describe('the company a project is named after', () => {
  test('a place, a maker and what the plant makes', () => {
    expect(companyOfProject('青岚翠科新型显示', isPlace)).toBe('翠科');
    expect(companyOfProject('松河明思科技3D玻璃研发生产', isPlace)).toBe('明思科技');
    expect(companyOfProject('青岚云栖朗辉科技新一代锂电池', isPlace)).toBe('朗辉科技');
    expect(companyOfProject('松河启联矿山机械装备', isPlace)).toBe('启联');
    expect(companyOfProject('青岚岳达机器人', isPlace)).toBe('岳达机器人');
  });

  test('a place and a sector, an industry or a facility names no maker', () => {
    expect(companyOfProject('青岚半导体智造', isPlace)).toBeNull();
    expect(companyOfProject('松河新能源动力和储能', isPlace)).toBeNull();
    expect(companyOfProject('青岚高性能软磁和钛材料', isPlace)).toBeNull();
    expect(companyOfProject('松河铝产业链一体化', isPlace)).toBeNull();
    expect(companyOfProject('青岚白鹭机场三期', isPlace)).toBeNull();
    expect(companyOfProject('松河电厂三期', isPlace)).toBeNull();
  });

  test('transliterated makers, national companies and legal suffixes', () => {
    expect(companyOfProject('柯伦萨一期', isPlace)).toBe('柯伦萨');
    expect(companyOfProject('泰坦莫尔核心装置', isPlace)).toBe('泰坦莫尔');
    expect(companyOfProject('中国星澜', isPlace)).toBe('中国星澜');
    expect(companyOfProject('中国制造', isPlace)).toBeNull();
    expect(companyOfProject('澜润微电子12英寸产线', isPlace)).toBe('澜润微电子');
  });
});

describe('companies recognised by what is said of them', () => {
  test('holders of company honours, without 集团 or 公司', () => {
    expect(companies('翠鸣视讯获我省首个制造业领域中国质量奖。')).toEqual(['翠鸣视讯']);
    expect(companies('青岚白药建成全球首座“灯塔工厂”。')).toEqual(['青岚白药']);
    // A count, a place or a kind is not a holder.
    expect(companies('11家企业入选全球上市公司百强，松河入选国家级中小企业试点。')).toEqual([]);
  });

  test('companies founded, merged, opened or listed as 车企', () => {
    expect(companies('组建省岚金投资集团、青岚农商联合银行。')).toEqual(['省岚金投资集团']);
    expect(companies('完成岚海证券重组更名上市。')).toEqual(['岚海证券']);
    expect(companies('推动翠钢与岚铁重组。')).toEqual(['翠钢', '岚铁']);
    expect(companies('翠银金投、岚银金投开业运营。')).toEqual(['翠银金投', '岚银金投']);
    expect(companies('支持翠驰、岚途等车企扩大产能。')).toEqual(['翠驰', '岚途']);
    expect(companies('翠鸣视讯区域总部落户青岚，岚海科技在港上市。')).toEqual(['翠鸣视讯', '岚海科技']);
    // Kinds of companies and counts are not companies.
    expect(companies('跨国公司地区总部落户，国有控股上市公司市值管理，34款创新药械获批上市。')).toEqual([]);
    // Processes and fields are not parties to a merger; venues that open are not companies.
    expect(companies('完成医药等板块专业化整合和战略性重组，岚湖购物中心开业。')).toEqual([]);
  });
});

describe('what is not a company', () => {
  test('sector words, institutes, funds, platforms, alliances', () => {
    for (const name of [
      '能源',
      '氢基能源',
      '青岚新能源',
      '煤矿',
      '青岚材料研究院',
      '岚海产业引导基金',
      '青岚交易平台',
      '翠湖产业联盟',
    ])
      expect(isNotEnterprise(name, isPlace), name).toBe(true);
    for (const name of ['青岚银行', '翠鸣视讯', '岚海证券', '明思科技'])
      expect(isNotEnterprise(name, isPlace), name).toBe(false);
  });
});

describe('one canonical name per company', () => {
  test('a short name written beside its legal form becomes its alias', () => {
    expect([...canonicalEnterprises(['岚投', '翠鸣视讯', '岚投集团', '松河股份'])]).toEqual([
      ['岚投集团', ['岚投']],
      ['翠鸣视讯', []],
      ['松河股份', []],
    ]);
  });
});
