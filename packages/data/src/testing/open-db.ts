// Test helper run as a separate process: opens the embedded database in the given directory
// and holds it until killed, or reports the refusal.
import { openDatabase } from "../db/client.js";

const dir = process.argv[2] as string;
try {
  const database = await openDatabase({ dataDir: dir, url: null });
  console.log(`opened ${database.location}`);
  setInterval(() => {}, 1000);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
