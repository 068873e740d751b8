/**
 * A property-based fuzzer driven by the API's own OpenAPI document. For every operation it
 * generates requests from the parameter and body schemas (valid values, ids that exist, and
 * hostile strings: NUL characters, broken escapes, very long or odd Unicode), sends them to a
 * running server and checks every answer: no 5xx, a status the document lists for that
 * operation, and a body that matches the schema the document gives for that status. Bounded by
 * a request count and a time budget; deterministic for a seed.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import fc from "fast-check";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  [key: string]: unknown;
};

interface Operation {
  method: "get" | "post";
  path: string;
  operationId: string;
  parameters: { name: string; in: "path" | "query"; required: boolean; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface FuzzOptions {
  /** The API's base URL (no trailing slash). */
  url: string;
  /** The bearer token for writes, sent with half the write requests. */
  token: string;
  /** Record ids that exist, by parameter name (`id`, `actorId`, `sourceId`…). */
  known: Record<string, string[]>;
  requests: number;
  budgetMs: number;
  seed: number;
  /** Operations to send fewer requests to (slow ones, such as ingest): at most this many each. */
  capped?: Record<string, number>;
}

export interface Finding {
  request: string;
  status: number;
  problem: string;
}

export interface FuzzReport {
  requests: number;
  seconds: number;
  statuses: Record<number, number>;
  serverErrors: Finding[];
  schemaViolations: Finding[];
}

/** Strings a careless server trips over. */
const HOSTILE = [
  "\u0000",
  "a\u0000b",
  "%",
  "%E0%A4%A",
  "'; drop table actors; --",
  "<script>alert(1)</script>",
  "x".repeat(5000),
  "🚀 مليشيا",
  "\u202e\u200b",
  "../../etc/passwd",
  "constructor",
  "__proto__",
  "toString",
  "null",
  "-1",
  "1e309",
  " ",
];

export async function fuzz(doc: OpenApi, options: FuzzOptions): Promise<FuzzReport> {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  // ajv-formats is CommonJS: its plugin is the module itself, typed as its `default`.
  (formats as unknown as typeof formats.default)(ajv);
  ajv.addSchema({ $id: "atlas", components: doc.components }, "atlas");
  const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();
  const validate = (schema: Schema, value: unknown) => {
    let v = validators.get(schema);
    if (!v) {
      v = ajv.compile({ $ref: "#/$defs/response", $defs: { response: rebase(schema) } });
      validators.set(schema, v);
    }
    return v(value) ? null : ajv.errorsText(v.errors);
  };

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(doc.components.schemas[schema.$ref.split("/").pop() as string] ?? {}) : schema;

  /** Values for a schema: mostly valid ones, the id of a record that exists where the name says so. */
  const arbitraryOf = (schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const known = options.known[name];
    if (known?.length && depth === 0) return fc.oneof(fc.constantFrom(...known), plain(s, depth));
    return plain(s, depth);
  };
  const plain = (s: Schema, depth: number): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryOf(a, "", depth)));
    if (s.allOf?.[0]) return arbitraryOf(s.allOf[0], "", depth);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.length > 1) return fc.oneof(...types.map((type) => plain({ ...s, type }, depth)));
    switch (types[0]) {
      case "string":
        if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200));
        if (s.format === "uri") return fc.webUrl();
        if (s.format === "date-time") return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
      case "integer":
        return fc.integer({
          min: s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5),
          max: s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 500),
        });
      case "number":
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return depth > 3
          ? fc.constant([])
          : fc.array(arbitraryOf(s.items ?? {}, "", depth + 1), {
              minLength: s.minItems ?? 0,
              maxLength: Math.min(s.maxItems ?? 3, 3),
            });
      case "object": {
        if (depth > 3) return fc.constant({});
        const props = s.properties ?? {};
        return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, k, depth + 1)])), {
          requiredKeys: (s.required ?? []).filter((k) => k in props),
        });
      }
      default:
        return fc.constantFrom<unknown>("x", 1, true, null);
    }
  };
  /** Sometimes a hostile string instead of a valid value. */
  const fuzzed = (schema: Schema, name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: arbitraryOf(schema, name) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    );

  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, method: method as "get" | "post", path })),
  );
  const requestOf = (op: Operation) => {
    const params: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of op.parameters) params[p.name] = fuzzed(p.schema, p.name);
    const required = op.parameters.filter((p) => p.required).map((p) => p.name);
    const body = op.requestBody
      ? arbitraryOf(op.requestBody.content["application/json"].schema, "")
      : fc.constant(undefined);
    return fc.record({
      params: fc.record(params, { requiredKeys: required }),
      body,
      withToken: fc.boolean(),
    });
  };

  const report: FuzzReport = { requests: 0, seconds: 0, statuses: {}, serverErrors: [], schemaViolations: [] };
  const started = performance.now();
  const sent = new Map<string, number>();
  let round = 0;
  while (report.requests < options.requests && performance.now() - started < options.budgetMs) {
    for (const op of operations) {
      if (report.requests >= options.requests || performance.now() - started >= options.budgetMs) break;
      const cap = options.capped?.[op.operationId];
      if (cap !== undefined && (sent.get(op.operationId) ?? 0) >= cap) continue;
      const [sample] = fc.sample(requestOf(op), {
        seed: options.seed + round * 1000 + operations.indexOf(op),
        numRuns: 1,
      });
      if (!sample) continue;
      sent.set(op.operationId, (sent.get(op.operationId) ?? 0) + 1);
      await send(op, sample as { params: Record<string, unknown>; body: unknown; withToken: boolean });
    }
    round++;
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;

  async function send(op: Operation, sample: { params: Record<string, unknown>; body: unknown; withToken: boolean }) {
    let path = op.path;
    const query = new URLSearchParams();
    for (const p of op.parameters) {
      const value = sample.params[p.name];
      if (value === undefined) continue;
      if (p.in === "path") path = path.replace(`{${p.name}}`, encode(String(value)));
      else if (Array.isArray(value)) for (const v of value) query.append(p.name, String(v));
      else query.append(p.name, typeof value === "object" ? JSON.stringify(value) : String(value));
    }
    const search = query.toString();
    const url = `${options.url}/api${path}${search ? `?${search}` : ""}`;
    const headers: Record<string, string> = {};
    if (op.security && sample.withToken) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: op.method.toUpperCase(),
        headers: op.method === "post" ? { ...headers, "content-type": "application/json" } : headers,
        body: op.method === "post" ? JSON.stringify(sample.body ?? {}) : undefined,
      });
    } catch (e) {
      report.requests++;
      report.serverErrors.push({ request: `${op.method.toUpperCase()} ${url}`, status: 0, problem: String(e) });
      return;
    }
    report.requests++;
    const status = response.status;
    report.statuses[status] = (report.statuses[status] ?? 0) + 1;
    const text = await response.text();
    const request = `${op.method.toUpperCase()} ${url.slice(0, 300)}`;
    if (status >= 500 && status !== 503) {
      report.serverErrors.push({ request, status, problem: text.slice(0, 300) });
      return;
    }
    const documented = op.responses[String(status)];
    if (!documented) {
      report.schemaViolations.push({ request, status, problem: `status ${status} is not documented` });
      return;
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const entry = Object.entries(documented.content ?? {}).find(([t]) => t.split(";")[0]?.trim() === type);
    if (!entry) {
      report.schemaViolations.push({ request, status, problem: `content type "${type}" is not documented` });
      return;
    }
    const schema = entry[1].schema;
    if (resolve(schema).type === "string") return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      report.schemaViolations.push({ request, status, problem: "the body is not JSON" });
      return;
    }
    const problem = validate(schema, body);
    if (problem) report.schemaViolations.push({ request, status, problem });
  }
}

/** A path parameter, encoded; a value that cannot be (a lone surrogate) goes as it is, escaped by hand. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => `%${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  }
}

/** A schema from the document, with its references pointing into the document added to Ajv as "atlas". */
function rebase(schema: Schema): Schema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"atlas#/components/'));
}

export const summaryLine = (r: FuzzReport) =>
  `fuzz: ${r.requests} requests in ${r.seconds.toFixed(1)} s (${Object.entries(r.statuses)
    .map(([s, n]) => `${n} × ${s}`)
    .join(", ")}): ${r.serverErrors.length} 5xx, ${r.schemaViolations.length} responses that break their schema`;
