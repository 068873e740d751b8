/**
 * The router called in-process (the CLI on its own database): the caller and its context, without
 * the HTTP server and the REST routes, whose OpenAPI schemas are built when their module loads.
 */
export { createContextInner } from "./context.js";
export { createCaller } from "./root.js";
