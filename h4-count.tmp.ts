import { buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType } from 'graphql';
import { loadTypeDefs } from './src/api/schema.ts';
const s = buildSchema(loadTypeDefs());
const miss: string[] = [];
for (const t of Object.values(s.getTypeMap())) {
  if (t.name.startsWith('__')) continue;
  if (['String','Int','Float','Boolean','ID'].includes(t.name)) continue;
  if (!t.description) miss.push(t.name);
  if (isObjectType(t) || isInterfaceType(t)) for (const f of Object.values(t.getFields())) { if (!f.description) miss.push(`${t.name}.${f.name}`); for (const a of f.args) if (!a.description) miss.push(`${t.name}.${f.name}(${a.name})`); }
  if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) if (!f.description) miss.push(`${t.name}.${f.name}`);
  if (isEnumType(t)) for (const v of t.getValues()) if (!v.description) miss.push(`${t.name}.${v.name}`);
}
console.log(miss.length); console.log(miss.join('\n'));
