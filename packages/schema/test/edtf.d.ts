// The edtf library ships no types; this covers the part the conformance test uses.
declare module "edtf" {
  interface ExtDateTime {
    /** "Date", "Season", "Interval", … */
    readonly type: string;
    /** First millisecond covered (UTC epoch ms); -Infinity for an open start, null when unknown. */
    readonly min: number | null;
    /** Last millisecond covered (UTC epoch ms); Infinity for an open end, null when unknown. */
    readonly max: number | null;
  }
  export default function edtf(input: string): ExtDateTime;
}
