/**
 * Checks FollowTheMoney entities against FtM's own schema files (the YAML model, vendored in
 * fixtures/followthemoney-schema with its licence), the way `ftm validate` judges them: the
 * schema exists and is not abstract; its required properties are present; every property is
 * the schema's own or inherited through `extends`; an entity reference points at an entity in
 * the same file whose schema fits the property's `range`; a date is an FtM date (an ISO 8601
 * prefix: year, year-month, day, or a time). The export tests run it on every entity.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { FtmEntity } from "./ftm.js";

export const FTM_SCHEMA_DIR = join(import.meta.dirname, "fixtures", "followthemoney-schema");

interface PropertyDef {
  type?: string;
  range?: string;
}
interface SchemaDef {
  extends?: string[];
  abstract?: boolean;
  required?: string[];
  properties?: Record<string, PropertyDef>;
}

export interface FtmModel {
  schemata: Map<string, SchemaDef>;
  /** The schema and every schema it extends, directly or not. */
  ancestors(name: string): Set<string>;
  /** Every property a schema has, its own and inherited, with its type and range. */
  properties(name: string): Map<string, Required<Pick<PropertyDef, "type">> & PropertyDef>;
  required(name: string): Set<string>;
}

export function loadFtmModel(dir = FTM_SCHEMA_DIR): FtmModel {
  const schemata = new Map<string, SchemaDef>();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(dir, file), "utf8")) as Record<string, SchemaDef>;
    for (const [name, def] of Object.entries(doc)) schemata.set(name, def ?? {});
  }
  const ancestors = (name: string): Set<string> => {
    const out = new Set<string>([name]);
    for (const parent of schemata.get(name)?.extends ?? []) for (const a of ancestors(parent)) out.add(a);
    return out;
  };
  const properties = (name: string) => {
    const out = new Map<string, Required<Pick<PropertyDef, "type">> & PropertyDef>();
    // Ancestors first, so a schema's own definition of a property wins.
    for (const a of [...ancestors(name)].reverse()) {
      for (const [prop, def] of Object.entries(schemata.get(a)?.properties ?? {})) {
        out.set(prop, { ...def, type: def?.type ?? "string" });
      }
    }
    return out;
  };
  const required = (name: string) => new Set([...ancestors(name)].flatMap((a) => schemata.get(a)?.required ?? []));
  return { schemata, ancestors, properties, required };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FTM_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T([01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?)?)?)?)?$/;

/** An FtM date: an ISO 8601 prefix whose month and day exist. */
export function isFtmDate(value: string): boolean {
  const m = FTM_DATE.exec(value);
  if (!m) return false;
  const [, , month, day] = m;
  if (month === undefined) return true;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return false;
  return day === undefined || (Number(day) >= 1 && Number(day) <= (DAYS[mm - 1] as number));
}

const VALUE_CHECKS: Record<string, [RegExp | ((v: string) => boolean), string]> = {
  date: [isFtmDate, "is not an FtM date (YYYY, YYYY-MM, YYYY-MM-DD or a time)"],
  country: [/^[a-z]{2}$/, "is not a lowercase ISO 3166-1 alpha-2 code"],
  language: [/^[a-z]{3}$/, "is not an ISO 639-2 code"],
  url: [(v) => /^https?:\/\//.test(v) && URL.canParse(v), "is not an http(s) URL"],
};

/** Every way the entities break FtM's model, as "<id> (<schema>): <what is wrong>"; empty when valid. */
export function validateFtm(entities: FtmEntity[], model: FtmModel = loadFtmModel()): string[] {
  const problems: string[] = [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const e of entities) {
    const at = `${e.id} (${e.schema})`;
    const def = model.schemata.get(e.schema);
    if (!def) {
      problems.push(`${at}: no schema "${e.schema}" in FollowTheMoney's model`);
      continue;
    }
    if (def.abstract) problems.push(`${at}: "${e.schema}" is abstract; use a schema that extends it`);
    const props = model.properties(e.schema);
    for (const name of model.required(e.schema)) {
      if (!e.properties[name]?.length) problems.push(`${at}: required property "${name}" is missing`);
    }
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = props.get(name);
      if (!prop) {
        problems.push(
          `${at}: property "${name}" is not in ${e.schema} or the schemata it extends (${[...model.ancestors(e.schema)].join(", ")})`,
        );
        continue;
      }
      for (const value of values) {
        if (prop.type === "entity") {
          const target = byId.get(value);
          if (!target) problems.push(`${at}: ${name} → ${value}, which is not an entity in the file`);
          else if (prop.range && !model.ancestors(target.schema).has(prop.range)) {
            problems.push(`${at}: ${name} → ${value} is a ${target.schema}, not a ${prop.range}`);
          }
          continue;
        }
        const check = VALUE_CHECKS[prop.type];
        if (check && !(typeof check[0] === "function" ? check[0](value) : check[0].test(value))) {
          problems.push(`${at}: ${name} "${value}" ${check[1]}`);
        }
      }
    }
  }
  return problems;
}
