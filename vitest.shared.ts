/**
 * Shared by the packages' vitest configs: when ATLAS_REPORT_DIR is set (by `npm test`), each
 * package also writes a JSON report there, which the root script sums into "N passed, N failed".
 */
export function reporting(name: string) {
  const dir = process.env.ATLAS_REPORT_DIR;
  return dir
    ? { reporters: ["default", "json"], outputFile: { json: `${dir}/${name}.json` } }
    : { reporters: ["default"] };
}
