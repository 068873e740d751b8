/** The environment Ink reads when it loads: set before importing the explorer or the review. */
export function prepareInk(color: boolean): void {
  // Ink's colour library reads FORCE_COLOR when it loads; NO_COLOR alone does not stop it.
  if (!color) process.env.FORCE_COLOR = "0";
  if (process.stdin.isTTY && process.stdout.isTTY) {
    // Ink prints only its last frame when CI is set; a person at a terminal is not a CI log.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
}
