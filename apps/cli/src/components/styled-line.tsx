/** One line of styled segments, cut at the edge of the screen. */
import { Text } from "ink";
import type { Line } from "../doc.js";
import type { Theme } from "../theme.js";

export function StyledLine({ line, theme, prefix }: { line: Line; theme: Theme; prefix?: Line }) {
  const segs = [...(prefix ?? []), ...line];
  if (segs.every((s) => s.text === "")) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {segs.map((s, i) => (
        <Text key={i} {...theme.ink(s.tone)}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
