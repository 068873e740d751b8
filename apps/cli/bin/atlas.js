#!/usr/bin/env node
// The `atlas` binary. Runs the bundle in dist/ (fast start) when it is there and no source file
// it was built from has changed since; otherwise runs the TypeScript source through tsx, which
// needs no build but starts slower. ATLAS_CLI_FROM_SOURCE=1 forces the source; =0 forces the
// bundle even when a source file is newer (benchmarks, while others edit the workspace).
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/", import.meta.url);

function freshBundle() {
  if (process.env.ATLAS_CLI_FROM_SOURCE === "1") return null;
  let info;
  try {
    info = JSON.parse(readFileSync(new URL("build-info.json", dist), "utf8"));
  } catch {
    return null; // not built
  }
  if (process.env.ATLAS_CLI_FROM_SOURCE === "0") return new URL(info.entry, dist);
  for (const input of info.inputs) {
    let changed;
    try {
      changed = statSync(fileURLToPath(new URL(input, dist))).mtimeMs > info.builtAt;
    } catch {
      changed = true; // the file is gone
    }
    if (changed) {
      if (process.argv.includes("--verbose")) {
        process.stderr.write(
          `atlas: ${input.replace(/^(\.\.\/)+/, "")} changed since the last build; running from source (rebuild: pnpm --filter @atlas/cli build)\n`,
        );
      }
      return null;
    }
  }
  return new URL(info.entry, dist);
}

const bundle = freshBundle();
if (bundle) {
  await import(bundle.href);
} else {
  const entry = fileURLToPath(new URL("../src/cli.tsx", import.meta.url));
  const child = spawn(
    process.execPath,
    ["--conditions=@atlas/source", "--import", import.meta.resolve("tsx"), entry, ...process.argv.slice(2)],
    // tsx reads the tsconfig of the working directory unless told: the CLI's own sets the JSX runtime.
    {
      stdio: "inherit",
      env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) },
    },
  );
  // The terminal sends Ctrl-C to both processes; the child decides what it means.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.on("exit", (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
