/** @atlas/api — the router type for clients, a caller for in-process use, and the server. */
export type * from "./client-types.js";
export { type Context, type ContextInner, createContextInner } from "./context.js";
export { type ApiEnv, readApiEnv } from "./env.js";
export { openApiDocument, routes } from "./rest.js";
export { type AppRouter, appRouter, createCaller } from "./root.js";
export { createServer, type ServerOptions } from "./server.js";
export { type StartedApi, type StartOptions, startApi } from "./start.js";
