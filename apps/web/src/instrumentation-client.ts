/**
 * Runs in the browser before the app's own code (Next's client instrumentation hook). Zod checks
 * whether it may compile parsers with `new Function` the first time a schema is built; the pages'
 * Content-Security-Policy allows no eval, so the check fails and the browser logs a CSP violation
 * (Lighthouse's best-practices "issues" audit, on every page that builds a schema). Parsing
 * without compiling is what the browser gets anyway; saying so up front makes no probe.
 */
import { z } from "zod";

z.config({ jitless: true });
