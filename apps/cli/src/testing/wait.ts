/** Polls until `check` passes (or throws its last error after `timeout` ms): async UI settles in its own time. */
export async function waitFor<T>(check: () => T, timeout = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() - started > timeout) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
