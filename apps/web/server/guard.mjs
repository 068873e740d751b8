// @ts-check
/**
 * What the web server refuses before Next.js sees a request, each with a page that says what is
 * wrong: a Host it does not answer to (403: a page on another site could otherwise reach it by
 * DNS rebinding and drive its forms), a method pages do not take (405, with Allow), and an
 * address no page can answer (400): a broken %-escape, a NUL character, a path part longer than
 * any record id. Plain JavaScript: server.mjs runs without a build step.
 */

/** No record id is longer (the API's ids are at most 200 characters). */
export const MAX_PATH_PART = 200;
/** No query value the pages take is longer (a search is at most 200 characters). */
export const MAX_QUERY_VALUE = 1000;

/**
 * The Host headers this server answers to: 127.0.0.1 and localhost on its own port, and the
 * comma-separated names in ATLAS_WEB_HOSTS (as a browser sends them: "atlas.example.org", or
 * with a port, "atlas.internal:8080").
 * @param {number} port
 * @param {string | undefined} extra
 */
export function allowedHosts(port, extra = process.env.ATLAS_WEB_HOSTS) {
  return new Set([
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    ...(extra ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  ]);
}

/**
 * The reader a request comes from: its address, or, when it comes from this host (a reverse proxy
 * in front of the web server), the first address the proxy wrote in X-Forwarded-For.
 * @param {string | undefined} address
 * @param {string | string[] | undefined} forwarded
 */
export function readerOf(address, forwarded) {
  const loopback = address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return (loopback && first ? first : (address ?? "unknown")).slice(0, 100);
}

/**
 * Does a request post a form to a server action? With JavaScript, Next.js marks it with a
 * Next-Action header; without, the browser posts the form itself (multipart or urlencoded) and the
 * action's id travels in its fields.
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function postsAction(headers) {
  if (headers["next-action"] !== undefined) return true;
  const type = String(headers["content-type"] ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/**
 * @typedef {{ status: number, title: string, message: string, headers?: Record<string, string> }} Refusal
 * @param {{ method: string | undefined, url: string | undefined, host: string | undefined, action: boolean }} req
 * @param {Set<string>} hosts
 * @returns {Refusal | null}
 */
export function refusal({ method, url = "/", host, action }, hosts) {
  if (!host || !hosts.has(host.toLowerCase())) {
    return {
      status: 403,
      title: "This server does not answer to that name",
      message: `It answers to ${[...hosts].join(", ")}; this request was for ${host ? `"${host}"` : "no host"}. To reach it under another name, add the name to ATLAS_WEB_HOSTS.`,
    };
  }
  // Forms post to server actions (see postsAction).
  if (method !== "GET" && method !== "HEAD" && !(method === "POST" && action)) {
    return {
      status: 405,
      title: "Not a way to use this page",
      message: `Pages here are read with GET (or HEAD); ${method} is not used. Forms post to the page they are on.`,
      headers: { allow: "GET, HEAD" },
    };
  }
  const at = url.indexOf("?");
  const path = at === -1 ? url : url.slice(0, at);
  for (const part of path.split("/")) {
    let decoded;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return badAddress(
        `"${part.slice(0, 60)}" has a broken %-escape: each % must start a byte in hexadecimal (%41), and a % sign itself is written %25.`,
      );
    }
    if (decoded.includes("\0"))
      return badAddress("The address contains a NUL character (%00), which no page or record has.");
    if (decoded.length > MAX_PATH_PART) {
      return badAddress(
        `A part of the address is ${decoded.length} characters long; record ids are at most ${MAX_PATH_PART}.`,
      );
    }
  }
  if (at !== -1) {
    for (const [name, value] of new URLSearchParams(url.slice(at + 1))) {
      if (`${name}${value}`.includes("\0")) {
        return badAddress(
          `The address's "${name.replace(/\0/g, "")}" contains a NUL character (%00), which no search or filter can hold.`,
        );
      }
      if (value.length > MAX_QUERY_VALUE) {
        return badAddress(
          `The address's "${name}" is ${value.length} characters long; no search or filter takes more than ${MAX_QUERY_VALUE}.`,
        );
      }
    }
  }
  return null;
}

/** @param {string} message @returns {Refusal} */
const badAddress = (message) => ({ status: 400, title: "This address cannot be read", message });

/** @param {string} s */
const escapeHtml = (s) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      /** @type {Record<string, string>} */ ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ] ?? c,
  );

/** A small page for a refusal: what is wrong, and a way back. No script, no style, nothing to load. */
export function refusalPage(/** @type {Refusal} */ r) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(r.title)} — Militia Atlas</title></head><body><main><p>${r.status}</p><h1>${escapeHtml(r.title)}</h1><p>${escapeHtml(r.message)}</p><p><a href="/">Militia Atlas home</a> · <a href="/search">Search</a></p></main></body></html>\n`;
}

/** Headers every refusal carries (the pages' own are set by next.config.ts, which these never reach). */
export const REFUSAL_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
};
