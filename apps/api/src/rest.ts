/**
 * Plain HTTP/JSON for everyone who does not speak tRPC: REST routes and an OpenAPI 3.1 document,
 * both derived from the same procedures (their `rest` meta and their Zod input schemas). Query
 * strings are coerced by the input's JSON Schema (numbers, booleans, lists as repeated or
 * comma-separated values); an unknown parameter is refused by name.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES } from "@atlas/schema";
import type { AnyTRPCProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { Context } from "./context.js";
import { appRouter, createCaller } from "./root.js";
import { errorBody, type RestMeta } from "./trpc.js";

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

const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;

/** The object schema of a procedure's input (unwrapping optional), as JSON Schema. */
function inputJsonSchema(input: z.ZodType | undefined): JsonSchema {
  if (!input) return { type: "object", properties: {} };
  const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const object = json.anyOf?.find((s) => s.type === "object") ?? json;
  return { ...object, properties: object.properties ?? {} };
}

export const routes: Route[] = Object.entries(procedures).flatMap(([key, procedure]) => {
  const def = procedure._def as unknown as { meta?: RestMeta; inputs: z.ZodType[] };
  const meta = def.meta?.rest;
  if (!meta) return [];
  const input = def.inputs[0];
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

class BadRequest extends Error {}

/** Builds a procedure's input from path parameters and the query string. */
function inputFrom(route: Route, url: URL, match: RegExpExecArray): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  route.pathParams.forEach((name, i) => {
    input[name] = decodeURIComponent(match[i + 1] as string);
  });
  const properties = route.inputSchema.properties ?? {};
  for (const name of new Set(url.searchParams.keys())) {
    const schema = properties[name];
    if (!schema || route.pathParams.includes(name)) {
      const known = Object.keys(properties).filter((p) => !route.pathParams.includes(p));
      throw new BadRequest(
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

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function sendFile(res: ServerResponse, file: { contentType: string; filename: string; body: string }) {
  res.writeHead(200, {
    "content-type": file.contentType,
    "content-length": Buffer.byteLength(file.body),
    "content-disposition": `inline; filename="${file.filename}"`,
  });
  res.end(file.body);
}

/**
 * The largest request body: the largest file a write takes (an import, or a document), base64
 * encoded (4 bytes for 3), and room for the rest of the JSON around it.
 */
const MAX_BODY_BYTES = Math.ceil(Math.max(MAX_IMPORT_BYTES, MAX_DOCUMENT_BYTES) / 3) * 4 + 1024 * 1024;

async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BadRequest(`Request body is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest("Request body is not valid JSON.");
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
    send(res, 200, openApiDocument());
    return true;
  }
  let matched: { route: Route; match: RegExpExecArray } | null = null;
  let wrongMethod = false;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    if (route.meta.method !== req.method) {
      wrongMethod = true;
      continue;
    }
    matched = { route, match };
    break;
  }
  if (!matched) {
    send(res, wrongMethod ? 405 : 404, {
      error: {
        code: wrongMethod ? "METHOD_NOT_SUPPORTED" : "NOT_FOUND",
        message: wrongMethod
          ? `${req.method} is not allowed on ${url.pathname}.`
          : `No route ${url.pathname}. The routes are listed in /api/openapi.json.`,
        issues: null,
      },
    });
    return true;
  }
  const { route, match } = matched;
  try {
    const input = inputFrom(route, url, match);
    if (route.meta.method === "POST") Object.assign(input, await readJson(req));
    const procedure = route.key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], createCaller(ctx()));
    const output = await (procedure as (input: unknown) => Promise<unknown>)(input);
    if (route.meta.raw) sendFile(res, output as { contentType: string; filename: string; body: string });
    else send(res, 200, output);
  } catch (e) {
    const error =
      e instanceof TRPCError
        ? e
        : e instanceof BadRequest
          ? new TRPCError({ code: "BAD_REQUEST", message: e.message })
          : new TRPCError({
              code: "INTERNAL_SERVER_ERROR",
              message: "The server failed to answer; the error is in its log.",
              cause: e,
            });
    if (error.code === "INTERNAL_SERVER_ERROR" && !(e instanceof TRPCError)) console.error(e);
    send(res, getHTTPStatusCodeFromError(error), { error: errorBody(error) });
  }
  return true;
}

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

/** The OpenAPI 3.1 document: paths, parameters from the input schemas, responses from the output schemas. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const components: Record<string, unknown> = {};
  const schemaOf = (schema: z.ZodType) => {
    const json = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      unrepresentable: "any",
      io: "output",
    }) as JsonSchema;
    const text = JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/');
    const { $defs, $schema: _, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, unknown> };
    Object.assign(components, $defs ?? {});
    return rest;
  };
  const errorRef = schemaOf(ErrorBody);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const props = route.inputSchema.properties ?? {};
    const required = new Set(route.inputSchema.required ?? []);
    const parameters = Object.entries(props).map(([name, schema]) => ({
      name,
      in: route.pathParams.includes(name) ? "path" : "query",
      required: route.pathParams.includes(name) || required.has(name),
      description: schema.description,
      schema,
      ...(typesOf(schema).includes("array") ? { style: "form", explode: true } : {}),
    }));
    const responses = {
      "200": {
        description: route.meta.summary,
        content: route.meta.raw
          ? Object.fromEntries(route.meta.raw.map((type) => [type, { schema: { type: "string" } }]))
          : { "application/json": { schema: schemaOf(route.meta.output) } },
      },
      "400": {
        description: "Invalid input; the message names the field.",
        content: { "application/json": { schema: errorRef } },
      },
      ...(route.pathParams.length
        ? { "404": { description: "No record with that id.", content: { "application/json": { schema: errorRef } } } }
        : {}),
      ...(route.meta.protected
        ? {
            "401": {
              description: "Missing or wrong bearer token.",
              content: { "application/json": { schema: errorRef } },
            },
          }
        : {}),
    };
    paths[route.meta.path] = {
      ...paths[route.meta.path],
      [route.meta.method.toLowerCase()]: {
        operationId: route.key,
        summary: route.meta.summary,
        tags: route.meta.tags,
        parameters: route.meta.method === "GET" ? parameters : parameters.filter((p) => p.in === "path"),
        ...(route.meta.method === "POST"
          ? { requestBody: { required: true, content: { "application/json": { schema: route.inputSchema } } } }
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
