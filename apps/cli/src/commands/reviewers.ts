/**
 * `atlas reviewers add|list|revoke`: who may write. Adding prints the token once. Before any admin
 * exists, the first is made where the database is (this command on the embedded database, or with
 * DATABASE_URL); after that, only an admin (ATLAS_TOKEN) manages reviewers.
 */
import type { Command } from "commander";
import { withAtlas } from "./context.js";
import { renderTable } from "./table.js";

export function registerReviewers(program: Command): void {
  const reviewers = program
    .command("reviewers")
    .description("who may write: add one (prints their token once), list them, revoke one");

  reviewers
    .command("add")
    .description("add a reviewer and print their token, this once (the atlas keeps only its hash)")
    .argument("<name>", "lowercase letters, digits, '.', '_' or '-' (as the history will show it)")
    .option("--admin", "may manage reviewers")
    .option("--json", 'print {"name", "admin", "token"}')
    .action(async (name: string, opts: { admin?: boolean; json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const added = await atlas.write(`add reviewer "${name}"`, (p) =>
          p.reviewers.add({ name, admin: opts.admin === true }),
        );
        if (opts.json) return out.json(added);
        out.text(
          [
            `Added ${added.admin ? "admin" : "reviewer"} ${added.name}. Their token (shown this once; keep it secret):`,
            "",
            `  ${added.token}`,
            "",
            `They write with it: export ATLAS_TOKEN=${added.token} for atlas, or sign in with it on the web.`,
          ].join("\n"),
        );
      });
    });

  reviewers
    .command("list")
    .description("the reviewers, revoked ones included")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const list = await atlas.write("list the reviewers", (p) => p.reviewers.list());
        if (opts.json) return out.json(list);
        if (list.length === 0) return out.text("No reviewers yet: atlas reviewers add NAME --admin makes the first.");
        out.text(
          renderTable(
            [{ header: "NAME" }, { header: "ROLE" }, { header: "ADDED", max: 24 }, { header: "STATUS", flex: true }],
            list.map((r) => [
              r.name,
              r.admin ? "admin" : "reviewer",
              `${r.createdAt.slice(0, 10)}${r.createdBy ? ` by ${r.createdBy}` : ""}`,
              r.revokedAt ? `revoked ${r.revokedAt.slice(0, 10)} by ${r.revokedBy}` : "active",
            ]),
            out,
          ),
        );
      });
    });

  reviewers
    .command("revoke")
    .description("revoke a reviewer's token (their changes keep their name)")
    .argument("<name>", "the reviewer")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const r = await atlas.write(`revoke reviewer "${name}"`, (p) => p.reviewers.revoke({ name }));
        if (opts.json) return out.json(r);
        out.text(`Revoked ${r.name}: their token writes nothing from now on.`);
      });
    });
}
