/**
 * The package as a user gets it: packed into a tarball, installed with npm into a project outside
 * the workspace next to zod and TypeScript, type-checked strictly under `module: nodenext`, and run
 * with node. This catches what unit tests on the source cannot: a missing file in the tarball, an
 * `exports` map that does not resolve, declarations that do not type-check, a JSON Schema export
 * that cannot be imported.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** pnpm as it launched this run (`pnpm test` sets npm_execpath), else the one on PATH. */
const PNPM: [string, ...string[]] = /pnpm/.test(process.env.npm_execpath ?? "")
  ? [process.execPath, process.env.npm_execpath as string]
  : ["pnpm"];

/** Runs a command and returns its stdout; on failure, the error carries the command's output. */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(" ")} (in ${cwd}) exited with ${e.status}\n--- stdout\n${e.stdout}\n--- stderr\n${e.stderr}`,
    );
  }
}

/** The files in a .tgz by path, read with node alone (no `tar` binary needed). */
function readTarball(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  const field = (offset: number, length: number) =>
    tar
      .subarray(offset, offset + length)
      .toString("utf8")
      .replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = field(offset, 100);
    if (name === "") break; // end-of-archive blocks
    const prefix = field(offset + 345, 155);
    const size = Number.parseInt(field(offset + 124, 12).trim() || "0", 8);
    const type = field(offset + 156, 1);
    if (type === "0" || type === "") {
      files.set(prefix ? `${prefix}/${name}` : name, tar.subarray(offset + 512, offset + 512 + size));
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** True when dist/ is missing or older than a source file it is built from. */
function distIsStale(): boolean {
  const built = join(PACKAGE_DIR, "dist", "index.js");
  if (!existsSync(built) || !existsSync(join(PACKAGE_DIR, "dist", "json-schema", "Dataset.json"))) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(join(PACKAGE_DIR, "src"))
    .filter((f) => f.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(f))
    .some((f) => statSync(join(PACKAGE_DIR, "src", f)).mtimeMs > builtAt);
}

const CONSUMER_TS = `import { Actor, Dataset, describeIssues, describeTime } from "@atlas/schema";
import actorJsonSchema from "@atlas/schema/json-schema/Actor.json" with { type: "json" };

const actor = {
  id: "kataib-hezbollah",
  name: "Kataib Hezbollah",
  kind: "armed_group",
  aliases: [{ name: "KH", kind: "abbreviation", sourceIds: [] }],
  description: "An Iraqi armed group.",
  evidence: [{ sourceId: "kh-statement", start: 0, end: 16, quote: "Kataib Hezbollah" }],
};

const valid = Actor.safeParse(actor);
if (valid.success) {
  // The inferred type is the union of kinds, not string.
  const kind: Actor["kind"] = valid.data.kind;
  console.log(\`valid actor accepted: \${valid.data.id} (\${kind})\`);
} else {
  console.log(\`valid actor REJECTED: \${describeIssues(valid.error).join("; ")}\`);
}

// @ts-expect-error "militia" is not an actor kind: the published types must catch it.
const wrongKind: Actor["kind"] = "militia";

const broken = Actor.safeParse({ ...actor, kind: wrongKind, evidence: [] });
if (broken.success) console.log("broken actor ACCEPTED");
else for (const line of describeIssues(broken.error, "actors/kh.json")) console.log(\`broken actor rejected: \${line}\`);

const dataset = Dataset.safeParse({
  version: "1",
  sources: [],
  actors: [actor],
  places: [],
  relations: [],
  events: [],
  claims: [],
  mentions: [],
});
if (dataset.success) console.log("dataset ACCEPTED");
else for (const line of describeIssues(dataset.error)) console.log(\`dataset rejected: \${line}\`);

console.log(\`time: \${describeTime({ edtf: "2014-23" })}; \${describeTime({ edtf: "2019-12/2020-01" })}\`);
console.log(\`json schema: \${actorJsonSchema.$id} requires \${actorJsonSchema.$defs.Actor.required.join(",")}\`);
`;

describe("@atlas/schema as an npm user installs it", () => {
  let temp = "";
  let tarball = "";
  let project = "";

  beforeAll(() => {
    if (distIsStale()) run(PNPM[0], [...PNPM.slice(1), "build"], PACKAGE_DIR);
    temp = mkdtempSync(join(tmpdir(), "atlas-schema-consumer-"));
    run(PNPM[0], [...PNPM.slice(1), "pack", "--pack-destination", temp], PACKAGE_DIR);
    const packed = readdirSync(temp).filter((f) => f.endsWith(".tgz"));
    expect(packed).toHaveLength(1);
    tarball = join(temp, packed[0] as string);
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  test("the tarball holds the build, the JSON Schemas and the README, and no tests", () => {
    const files = readTarball(tarball);
    const entries = [...files.keys()];
    expect(entries).toEqual(
      expect.arrayContaining([
        "package/package.json",
        "package/README.md",
        "package/dist/index.js",
        "package/dist/index.d.ts",
        "package/dist/json-schema/Actor.json",
        "package/dist/json-schema/Dataset.json",
      ]),
    );
    expect(entries.filter((e) => /\.test(-d)?\.[cm]?[jt]s$/.test(e) || e.startsWith("package/test/"))).toEqual([]);
    expect(entries).not.toContain("package/vitest.config.ts");

    const manifest = JSON.parse(String(files.get("package/package.json"))) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toMatch(/"(catalog|workspace):/);
    expect(manifest.peerDependencies).toEqual({ zod: "^4.0.0" });
  });

  test("installs with npm, type-checks strictly under nodenext, and runs", () => {
    project = join(temp, "project");
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ name: "atlas-consumer", private: true, type: "module" }, null, 2)}\n`,
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      `${JSON.stringify(
        {
          compilerOptions: {
            target: "es2022",
            lib: ["es2022", "dom"],
            module: "nodenext",
            moduleResolution: "nodenext",
            strict: true,
            resolveJsonModule: true,
            skipLibCheck: false,
            rootDir: ".",
            outDir: "out",
            types: [],
          },
          include: ["consumer.ts"],
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(join(project, "consumer.ts"), CONSUMER_TS);

    run("npm", ["install", "--no-audit", "--no-fund", tarball, "zod@4.6.7", "typescript@6.0.3"], project);

    const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
    expect(run(process.execPath, [tsc, "--noEmit", "-p", "."], project)).toBe("");
    run(process.execPath, [tsc, "-p", "."], project);
    const output = run(process.execPath, [join(project, "out", "consumer.js")], project)
      .trim()
      .split("\n");

    expect(output).toEqual([
      "valid actor accepted: kataib-hezbollah (armed_group)",
      expect.stringMatching(
        /^broken actor rejected: actors\/kh\.json kind: Invalid option: expected one of .*"armed_group"/,
      ),
      "broken actor rejected: actors/kh.json evidence: needs at least one evidence span: nothing in the atlas stands without the words that say it",
      'dataset rejected: actors[0].evidence[0].sourceId: actor "kataib-hezbollah": sourceId "kh-statement" is not a source id',
      "time: autumn 2014; between December 2019 and January 2020",
      "json schema: https://militia-atlas.org/schema/v1/Actor.json requires id,name,kind,aliases,description,evidence",
    ]);
  });
});
