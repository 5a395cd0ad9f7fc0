import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '#config/project-root.ts';

/** One administrative division (province → city → county → town/street → village/community). */
export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
}

export type DivisionLevel = 'province' | 'city' | 'county' | 'town' | 'street' | 'village' | 'community';

const DATA_DIR = path.join(PROJECT_ROOT, 'src', 'gazetteer', 'data');

function levelOf(code: string, name: string): DivisionLevel {
  switch (code.length) {
    case 2:
      return 'province';
    case 4:
      return 'city';
    case 6:
      return 'county';
    case 9:
      return name.endsWith('街道') ? 'street' : 'town';
    default:
      return name.endsWith('社区') ? 'community' : 'village';
  }
}

function readTsv(file: string): Division[] {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const out: Division[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [code = '', name = '', parent = ''] = line.split('\t');
    out.push({ code, name, parentCode: parent || null, level: levelOf(code, name) });
  }
  return out;
}

/** The compact gazetteer built by scripts/build-gazetteer.ts, loaded once and indexed. */
export interface Gazetteer {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
  children(code: string): Division[];
  /** Villages and communities of one province, loaded on first use. */
  villagesOf(provinceCode: string): Division[];
  ancestors(code: string): Division[];
}

let cached: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const all = readTsv(path.join(DATA_DIR, 'divisions.tsv.gz'));
  const byCode = new Map(all.map((d) => [d.code, d]));
  const byName = new Map<string, Division[]>();
  const kids = new Map<string, Division[]>();
  for (const d of all) {
    byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
    if (d.parentCode) kids.set(d.parentCode, [...(kids.get(d.parentCode) ?? []), d]);
  }
  const villageCache = new Map<string, Division[]>();
  cached = {
    byCode,
    byName,
    children: (code) => kids.get(code) ?? [],
    villagesOf(provinceCode) {
      let list = villageCache.get(provinceCode);
      if (!list) {
        const file = path.join(DATA_DIR, 'villages', `${provinceCode}.tsv.gz`);
        list = existsSync(file) ? readTsv(file) : [];
        villageCache.set(provinceCode, list);
      }
      return list;
    },
    ancestors(code) {
      const chain: Division[] = [];
      let d = byCode.get(code);
      while (d?.parentCode) {
        d = byCode.get(d.parentCode);
        if (d) chain.push(d);
      }
      return chain;
    },
  };
  return cached;
}

const SUFFIX =
  /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|街道|省|市|县|区|镇|乡|盟|旗)$/;

// Suffixes of a few county-level names that end in more than 区: 浦东新区 → 浦东, 六枝特区 → 六枝,
// 神农架林区 → 神农架 (but 万柏林区 is 万柏林 + 区, so 林区 only leaves three characters or more).
const LONG_SUFFIX = /(?:新区|特区|(?<=[\u4e00-\u9fa5]{3})林区)$/;

/** The short form a report may use: 湖北省 → 湖北, 岳口镇 → 岳口, 天门市 → 天门. Null when too short to be safe. */
export function shortName(name: string): string | null {
  const long = name.replace(LONG_SUFFIX, '');
  if (long !== name && long.length >= 2) return long;
  const short = name.replace(SUFFIX, '');
  return short !== name && short.length >= 2 ? short : null;
}
