// `npm start`: installs what is missing, builds the web app, creates and seeds the embedded
// database when it does not hold the curated dataset, and serves the API (127.0.0.1:4000) and
// the web explorer (127.0.0.1:3000) together until Ctrl-C.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { API_LAUNCH, ensureInstalled, ROOT, run, runPnpm } from "./lib.mjs";

const API_PORT = process.env.ATLAS_API_PORT ?? "4000";
const WEB_PORT = process.env.ATLAS_WEB_PORT ?? "3000";
const HOST = "127.0.0.1";
const apiUrl = `http://${HOST}:${API_PORT}`;
const webUrl = `http://${HOST}:${WEB_PORT}`;

// Writes need a reviewer's token. Locally, the first admin's is made once and kept in
// .data/ingest-token (readable by this user only): the API registers it as reviewer "admin", the
// CLI reads it, and on the web a reviewer signs in with it (the web server holds no token).
const tokenFile = join(ROOT, ".data", "ingest-token");
function ingestToken() {
  if (process.env.ATLAS_INGEST_TOKEN) return process.env.ATLAS_INGEST_TOKEN;
  if (existsSync(tokenFile)) return readFileSync(tokenFile, "utf8").trim();
  mkdirSync(join(ROOT, ".data"), { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString("base64url");
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  return token;
}
const token = ingestToken();

await ensureInstalled();
const apiEnv = {
  ATLAS_API_HOST: HOST,
  ATLAS_API_PORT: API_PORT,
  ATLAS_WEB_ORIGINS: `${webUrl},http://localhost:${WEB_PORT}`,
  ATLAS_INGEST_TOKEN: token,
};
// A bad setting (a token shorter than 16 characters, a port that is not a number) stops here, before the build.
const checked = await run(process.execPath, [...API_LAUNCH.node, "src/check-env.ts"], {
  cwd: API_LAUNCH.cwd,
  env: { ...process.env, ...apiEnv },
});
if (checked !== 0) {
  process.exit(1);
}
console.log("› building the web explorer (cached when nothing changed)…");
if (
  (await runPnpm(["exec", "turbo", "run", "build", "--filter=@atlas/web...", "--output-logs=errors-only"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  })) !== 0
) {
  console.error("The build failed; see the messages above.");
  process.exit(1);
}

const children = [];
// Each child closes what it holds (the API its database and lock file) before this one exits.
const stopAll = async (code) => {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((resolve) => c.once("exit", resolve)));
  for (const child of running) child.kill("SIGTERM");
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  process.exit(code);
};
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function launch(name, cmd, args, env, cwd = ROOT) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream, out) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) out.write(line.startsWith(`${name}:`) ? `${line}\n` : `${name}: ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) {
      console.error(`${name} stopped (exit ${code}); stopping the rest.`);
      stopAll(code);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, label, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {}
    if (children.some((c) => c.exitCode !== null)) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`${label} did not answer at ${url} within ${seconds}s.`);
  return false;
}

launch("api", process.execPath, [...API_LAUNCH.node, "src/main.ts", "--seed"], apiEnv, API_LAUNCH.cwd);
if (!(await waitFor(`${apiUrl}/health`, "The API"))) stopAll(1);
else {
  launch(
    "web",
    process.execPath,
    ["server.mjs", "--hostname", HOST, "--port", WEB_PORT],
    { ATLAS_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
    join(ROOT, "apps", "web"),
  );
  if (await waitFor(webUrl, "The web explorer")) {
    console.log(
      `\nMilitia Atlas is running:\n  web explorer  ${webUrl}\n  API           ${apiUrl}  (REST: ${apiUrl}/api, OpenAPI: ${apiUrl}/api/openapi.json)\n  terminal UI   npm run atlas\nTo write on the web, sign in (${webUrl}/sign-in) with the admin token ${
        process.env.ATLAS_INGEST_TOKEN ? "in ATLAS_INGEST_TOKEN" : `in ${tokenFile}`
      }.\nCtrl-C stops both.\n`,
    );
  } else stopAll(1);
}
