// Turbopack loader for the workspace's TypeScript packages, which import siblings NodeNext-style
// ("./time.js" for time.ts). Turbopack has no extensionAlias, so the specifiers are rewritten to
// the .ts files that exist on disk. Only relative specifiers are touched.
module.exports = function jsToTs(source) {
  return source.replace(/(\bfrom\s*["']|\bimport\s*\(\s*["'])(\.{1,2}\/[^"']+?)\.js(["'])/g, "$1$2.ts$3");
};
