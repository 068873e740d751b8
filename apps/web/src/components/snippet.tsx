/** A search snippet: plain text parts with the matched words marked — text, never HTML. */
import type { SearchHit } from "@/lib/types";

export function Snippet({ parts }: { parts: SearchHit["snippet"] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="search-hit font-medium">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
