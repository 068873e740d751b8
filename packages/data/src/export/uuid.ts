/** RFC 9562 name-based UUIDs (version 5, SHA-1): the same name always gives the same id. */
import { createHash } from "node:crypto";

const hex = (b: Buffer) => b.toString("hex");

export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`namespace "${namespace}" is not a UUID`);
  const h = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const s = hex(h);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** RFC 9562's namespace for URLs. */
export const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
/** Militia Atlas's namespace: every STIX id is uuidv5("<collection>:<slug>", ATLAS_NAMESPACE). */
export const ATLAS_NAMESPACE = uuidv5("urn:militia-atlas:stix", URL_NAMESPACE);
