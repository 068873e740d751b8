/** A death toll in words, as reported: none reported is 0, no number is not 0, a range stays a range. */
export function fatalityFigure(low: number | null, high: number | null): string {
  if (low === null && high === null) return "deaths reported, no number given";
  if (low === 0 && high === 0) return "0 (none reported)";
  if (low !== null && high === null) return `at least ${low}`;
  if (low === null && high !== null) return `up to ${high}`;
  if (low === high) return String(low);
  return `${low}–${high}`;
}
