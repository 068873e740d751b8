/** Makes a directory tree readable by its owner only: directories 700, files 600. */
import { chmodSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function makePrivate(root: string): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile() && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    }
  }
}
