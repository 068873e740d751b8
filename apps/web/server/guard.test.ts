/** The web server's host check (server/guard.mjs): pure, so it runs with the unit tests. */
import { expect, test } from "vitest";
import { allowedHosts, postsAction, readerOf, refusal } from "./guard.mjs";

test("the server answers to its own host names and those in ATLAS_WEB_HOSTS, and no other", () => {
  const hosts = allowedHosts(3000, " atlas.example.org, Atlas.Internal:8080 ,");
  const asks = (host: string) => refusal({ method: "GET", url: "/", host, action: false }, hosts)?.status ?? 200;
  expect(
    ["127.0.0.1:3000", "localhost:3000", "atlas.example.org", "atlas.internal:8080", "LOCALHOST:3000"].map(asks),
  ).toEqual([200, 200, 200, 200, 200]);
  expect(["127.0.0.1:3001", "atlas.example.org:3000", "evil.example", ""].map(asks)).toEqual([403, 403, 403, 403]);
});

test("a page takes GET and HEAD, and a POST only when it posts a form to an action, with or without JavaScript", () => {
  const hosts = allowedHosts(3000);
  const status = (method: string, headers: Record<string, string>) =>
    refusal({ method, url: "/review", host: "127.0.0.1:3000", action: postsAction(headers) }, hosts)?.status ?? 200;
  expect(status("GET", {})).toBe(200);
  expect(status("POST", { "next-action": "abc123" })).toBe(200);
  expect(status("POST", { "content-type": "multipart/form-data; boundary=x" })).toBe(200);
  expect(status("POST", { "content-type": "application/x-www-form-urlencoded" })).toBe(200);
  expect(status("POST", { "content-type": "application/json" })).toBe(405);
  expect(status("PUT", { "content-type": "multipart/form-data; boundary=x" })).toBe(405);
});

test("the reader is the request's address, or behind a proxy on this host the first forwarded address", () => {
  expect(readerOf("203.0.113.9", "10.0.0.5")).toBe("203.0.113.9");
  expect(readerOf("127.0.0.1", "10.0.0.5, 127.0.0.1")).toBe("10.0.0.5");
  expect(readerOf("::1", undefined)).toBe("::1");
});
