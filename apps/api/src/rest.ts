/**
 * Plain HTTP/JSON for everyone who does not speak tRPC: REST routes and an OpenAPI 3.1 document,
 * both derived from the same procedures (their `rest` meta and their Zod input schemas). Query
 * strings are coerced by the input's JSON Schema (numbers, booleans, lists as repeated or
 * comma-separated values); an unknown parameter is refused by name.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { Context } from "./context.js";
import { bodyLimitOf, metaOf, procedures } from "./procedures.js";
import { createCaller } from "./root.js";
import { errorBody, type RestMeta, retryAfterSeconds, writeCheck } from "./trpc.js";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
  [key: string]: unknown;
};

interface Route {
  key: string;
  meta: NonNullable<RestMeta["rest"]>;
  pattern: RegExp;
  pathParams: string[];
  input: z.ZodType | undefined;
  inputSchema: JsonSchema;
}

/** A JSON Schema with each reference to a named part ($defs) replaced by the part itself. */
function inlineRefs(schema: unknown, defs: Record<string, unknown>, within: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, defs, within));
  if (!schema || typeof schema !== "object") return schema;
  const { $ref, ...rest } = schema as { $ref?: unknown };
  const name = typeof $ref === "string" ? /^#\/\$defs\/(.+)$/.exec($ref)?.[1] : undefined;
  // A part that refers to itself stays a reference the second time round.
  if (name && (!defs[name] || within.includes(name))) return schema;
  const base = name ? { ...(defs[name] as object), ...rest } : schema;
  const path = name ? [...within, name] : within;
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, inlineRefs(v, defs, path)]));
}

/**
 * The object schema of a procedure's input (unwrapping optional), as JSON Schema, named parts
 * inlined: a query value is coerced by what it is (a grade 1–6 is a number), not by its name.
 */
function inputJsonSchema(input: z.ZodType | undefined): JsonSchema {
  if (!input) return { type: "object", properties: {} };
  const raw = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const json = inlineRefs(raw, (raw.$defs as Record<string, unknown> | undefined) ?? {}) as JsonSchema;
  const object = json.anyOf?.find((s) => s.type === "object") ?? json;
  return { ...object, properties: object.properties ?? {} };
}

export const routes: Route[] = [...procedures.values()].flatMap(({ path: key, meta: procedureMeta, input }) => {
  const meta = procedureMeta?.rest;
  if (!meta) return [];
  const pathParams = [...meta.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const pattern = new RegExp(`^/api${meta.path.replace(/\{(\w+)\}/g, "([^/]+)")}$`);
  return [{ key, meta, pattern, pathParams, input, inputSchema: inputJsonSchema(input) }];
});

const typesOf = (s: JsonSchema | undefined): string[] => {
  if (!s) return [];
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
};

function coerceOne(value: string, schema: JsonSchema | undefined): unknown {
  const types = typesOf(schema);
  if ((types.includes("integer") || types.includes("number")) && value.trim() !== "" && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

/** A client mistake, answered with its status and message. */
class ClientError extends Error {
  constructor(
    readonly code: TRPCError["code"],
    message: string,
  ) {
    super(message);
  }
}

/** A path segment decoded, or a 400 naming the broken %-escape. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ClientError(
      "BAD_REQUEST",
      `The address has a broken %-escape in "${raw.slice(0, 60)}": each % must start a UTF-8 byte in hexadecimal (%41), and a % sign itself is written %25.`,
    );
  }
}

/** Builds a procedure's input from path parameters and the query string. */
function inputFrom(route: Route, url: URL, match: RegExpExecArray): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  route.pathParams.forEach((name, i) => {
    input[name] = decodeSegment(match[i + 1] as string);
  });
  const properties = route.inputSchema.properties ?? {};
  for (const name of new Set(url.searchParams.keys())) {
    const schema = properties[name];
    if (!schema || route.pathParams.includes(name)) {
      const known = Object.keys(properties).filter((p) => !route.pathParams.includes(p));
      throw new ClientError(
        "BAD_REQUEST",
        `Unknown query parameter "${name}". ${known.length ? `This route takes: ${known.join(", ")}.` : "This route takes no parameters."}`,
      );
    }
    const values = url.searchParams.getAll(name);
    if (typesOf(schema).includes("array")) {
      const itemSchema = (schema.anyOf?.find((s) => s.type === "array") ?? schema).items;
      input[name] = values.flatMap((v) => v.split(",")).map((v) => coerceOne(v.trim(), itemSchema));
    } else {
      input[name] = coerceOne(values.at(-1) as string, schema);
    }
  }
  return input;
}

/** The body's fields join the path's; a field that names another record than the path is refused. */
function withBody(route: Route, input: Record<string, unknown>, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ClientError("BAD_REQUEST", "The request body must be a JSON object.");
  }
  for (const name of route.pathParams) {
    const value = (body as Record<string, unknown>)[name];
    if (value !== undefined && value !== input[name]) {
      throw new ClientError(
        "BAD_REQUEST",
        `The body's ${name} (${JSON.stringify(value).slice(0, 80)}) is not the path's (${JSON.stringify(input[name])}): the path names the record; leave ${name} out of the body.`,
      );
    }
  }
  return { ...body, ...input };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A refusal before the body is read: the connection closes, so the rest of the body is never read. */
export function refuse(res: ServerResponse, error: TRPCError) {
  const seconds = retryAfterSeconds(error.code);
  send(
    res,
    getHTTPStatusCodeFromError(error),
    { error: errorBody(error) },
    {
      connection: "close",
      ...(seconds ? { "retry-after": String(seconds) } : {}),
    },
  );
}

type File = { contentType: string; filename: string; body: string };
// An export is the same object until the data changes (see exportAs): encode it once.
const encoded = new WeakMap<File, Buffer>();

function sendFile(res: ServerResponse, file: File) {
  let bytes = encoded.get(file);
  if (!bytes) {
    bytes = Buffer.from(file.body, "utf8");
    encoded.set(file, bytes);
  }
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-length": bytes.length,
    "content-disposition": `inline; filename="${file.filename}"`,
  });
  res.end(bytes);
}

/** A request's size, refused from its Content-Length before a byte is read. */
export function tooLarge(req: IncomingMessage, limit: number): TRPCError | null {
  const length = Number(req.headers["content-length"] ?? 0);
  return length > limit ? payloadTooLarge(limit) : null;
}

const payloadTooLarge = (limit: number) =>
  new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `The request body is larger than ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`}, the most this route takes.`,
  });

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ClientError("BAD_REQUEST", "Request body is not valid JSON.");
  }
}

/** Handles /api/*; returns false for any other path. */
export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: () => Context,
): Promise<boolean> {
  if (!url.pathname.startsWith("/api/") && url.pathname !== "/api") return false;
  if (url.pathname === "/api/openapi.json") {
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, 405, methodError(req.method, url.pathname), { allow: "GET, HEAD" });
    } else send(res, 200, openApiDocument());
    return true;
  }
  let matched: { route: Route; match: RegExpExecArray } | null = null;
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    if (route.meta.method !== req.method) {
      allowed.push(route.meta.method);
      continue;
    }
    matched = { route, match };
    break;
  }
  if (!matched) {
    if (allowed.length > 0) send(res, 405, methodError(req.method, url.pathname), { allow: allowed.join(", ") });
    else {
      send(res, 404, {
        error: {
          code: "NOT_FOUND",
          message: `No route ${url.pathname}. The routes are listed in /api/openapi.json.`,
          issues: null,
        },
      });
    }
    return true;
  }
  const { route, match } = matched;
  const context = ctx();
  try {
    let input = inputFrom(route, url, match);
    if (route.meta.method === "POST") {
      // A write without the token, or a body over the limit, is refused before the body is read.
      const check = route.meta.protected ? await writeCheck(context.db, context.token) : null;
      const early =
        check && !check.ok
          ? new TRPCError({ code: check.code, message: check.message })
          : tooLarge(req, bodyLimitOf(route.key));
      if (early) {
        refuse(res, early);
        return true;
      }
      input = withBody(route, input, await readJson(req, bodyLimitOf(route.key)));
    }
    const procedure = route.key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], createCaller(context));
    const output = await (procedure as (input: unknown) => Promise<unknown>)(input);
    if (route.meta.raw) sendFile(res, output as File);
    else send(res, 200, output);
  } catch (e) {
    const error =
      e instanceof TRPCError
        ? e
        : e instanceof ClientError
          ? new TRPCError({ code: e.code, message: e.message })
          : new TRPCError({
              code: "INTERNAL_SERVER_ERROR",
              message: "The server failed to answer; the error is in its log.",
              cause: e,
            });
    if (error.code === "INTERNAL_SERVER_ERROR" && !(e instanceof TRPCError)) console.error(e);
    const seconds = retryAfterSeconds(error.code);
    send(
      res,
      getHTTPStatusCodeFromError(error),
      { error: errorBody(error) },
      seconds ? { "retry-after": String(seconds) } : {},
    );
  }
  return true;
}

const methodError = (method: string | undefined, path: string) => ({
  error: {
    code: "METHOD_NOT_SUPPORTED",
    message: `${method} is not allowed on ${path}; the Allow header lists what is.`,
    issues: null,
  },
});

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("BAD_REQUEST, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, INTERNAL_SERVER_ERROR…"),
      message: z.string().describe("What is wrong, naming the field for invalid input."),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).nullable(),
    }),
  })
  .meta({ id: "Error", description: "Every error response." });

let cached: Record<string, unknown> | null = null;

type Status = "200" | "400" | "401" | "403" | "404" | "409" | "413" | "422" | "429" | "503";

/**
 * The OpenAPI 3.1 document: paths, parameters and request bodies from the input schemas,
 * responses from the output schemas, and every status a route can answer with. Each schema is
 * converted once with its named parts as components ($ref'd, never left as local $defs); a part
 * whose input form differs from its output form (a default makes a field optional) is named
 * `<Name>Input`.
 */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const components: Record<string, unknown> = {};
  const schemaOf = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io }) as JsonSchema & {
      $defs?: Record<string, unknown>;
    };
    const { $defs = {}, $schema: _, ...rest } = json;
    const names = new Map(Object.keys($defs).map((name) => [name, name]));
    const rename = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/\$defs\/([^"]+)"/g,
          (_, name: string) => `"#/components/schemas/${names.get(name) ?? name}"`,
        ),
      );
    // A part that differs from the component of its name takes the name <Name>Input; parts that
    // refer to it may then differ too, so until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, def] of Object.entries($defs)) {
        const known = components[name];
        if (names.get(name) === name && known !== undefined && JSON.stringify(known) !== JSON.stringify(rename(def))) {
          names.set(name, `${name}Input`);
          changed = true;
        }
      }
    }
    for (const [name, def] of Object.entries($defs)) components[names.get(name) as string] = rename(def);
    return rename(rest);
  };
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: schemaOf(ErrorBody) } },
  });
  const retryAfter = {
    "Retry-After": { description: "Seconds to wait before asking again.", schema: { type: "integer" } },
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const input = schemaOf(route.input ?? z.object({}), "input");
    const object = input.anyOf?.find((x) => x.type === "object") ?? input;
    const props = object.properties ?? {};
    const required = new Set(object.required ?? []);
    const parameters = Object.entries(props)
      .filter(([name]) => route.meta.method === "GET" || route.pathParams.includes(name))
      .map(([name, schema]) => ({
        name,
        in: route.pathParams.includes(name) ? "path" : "query",
        required: route.pathParams.includes(name) || required.has(name),
        ...(schema.description ? { description: schema.description } : {}),
        schema,
        ...(typesOf(schema).includes("array") ? { style: "form", explode: true } : {}),
      }));
    // A POST's body: the input without what the path names.
    const body = {
      ...object,
      properties: Object.fromEntries(Object.entries(props).filter(([name]) => !route.pathParams.includes(name))),
      required: [...required].filter((name) => !route.pathParams.includes(name)),
    };
    const expensive = metaOf(route.key)?.expensive;
    const responses: Partial<Record<Status, unknown>> = {
      "200": {
        description: route.meta.summary,
        content: route.meta.raw
          ? Object.fromEntries(
              route.meta.raw.map(({ contentType, schema }) => [
                contentType,
                { schema: schema ? schemaOf(schema) : { type: "string" } },
              ]),
            )
          : { "application/json": { schema: schemaOf(route.meta.output) } },
      },
      "400": error("Invalid input; the message names the field."),
      // An id in the path, or a filter naming a record (`actorId`, `sourceId`…) that does not exist.
      ...(route.pathParams.length || route.meta.errors?.[404] || Object.keys(props).some((p) => /Id$/.test(p))
        ? {
            "404": error(
              route.meta.errors?.[404] ??
                (route.pathParams.length ? "No record with that id." : "A filter names no record: an unknown id."),
            ),
          }
        : {}),
      ...(route.meta.protected
        ? {
            "401": error("Missing, unknown or revoked token: writes need a reviewer's."),
            "403": error("Not allowed: no reviewer exists yet, or the route needs an admin."),
            "413": error("The body is larger than this route takes."),
          }
        : {}),
      ...(route.meta.method === "POST"
        ? {
            "404": error("No record with that id."),
            "409": error(
              "Conflict: the record changed since the version given (the message names who changed it), or it is in a state that refuses this.",
            ),
          }
        : {}),
      ...(route.meta.errors?.[409] ? { "409": error(route.meta.errors[409]) } : {}),
      ...(route.meta.errors?.[422] ? { "422": error(route.meta.errors[422]) } : {}),
      ...(expensive
        ? { "429": { ...error(`${expensive} is already running for this client.`), headers: retryAfter } }
        : {}),
      "503": {
        ...error("The atlas is busy, or a statement took too long and was stopped: ask again shortly."),
        headers: retryAfter,
      },
    };
    paths[route.meta.path] = {
      ...paths[route.meta.path],
      [route.meta.method.toLowerCase()]: {
        operationId: route.key,
        summary: route.meta.summary,
        tags: route.meta.tags,
        parameters,
        ...(route.meta.method === "POST"
          ? { requestBody: { required: true, content: { "application/json": { schema: body } } } }
          : {}),
        ...(route.meta.protected ? { security: [{ bearer: [] }] } : {}),
        responses,
      },
    };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Militia Atlas API",
      version: "1.0.0",
      description:
        "Who Iraq's armed groups are, what happened and who said what — every fact with the verbatim words of its source. The same procedures are served over tRPC at /trpc.",
    },
    servers: [{ url: "/api" }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
  return cached;
}
