/**
 * Runs in the browser before the app's own code (Next's client instrumentation hook). Zod checks
 * whether it may compile parsers with `new Function` the first time it builds an object schema;
 * the pages' Content-Security-Policy allows no eval, so the check fails and the browser records a
 * CSP violation (Lighthouse's best-practices "issues" audit flagged /graph). Parsing without
 * compiling is what the browser gets anyway; saying so up front makes no probe.
 *
 * Zod reads its configuration from `globalThis.__zod_globalConfig` (one object shared by every
 * copy of zod), so it is set there rather than through `z.config()`: importing zod here would put
 * it in every page's JavaScript, pages that never use it included (+30 KiB on a profile).
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig ??= {};
scope.__zod_globalConfig.jitless = true;
