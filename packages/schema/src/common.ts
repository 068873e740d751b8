import { z } from "zod";

/** A stable, readable identifier shared by URLs, exports and annotations. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-._][a-z0-9]+)*$/,
    "must be a slug: lowercase letters and digits joined by single '-', '.' or '_' (e.g. kataib-hezbollah)",
  )
  .max(160)
  .meta({
    id: "Id",
    description:
      "A stable, readable slug (lowercase letters and digits joined by single '-', '.' or '_'), e.g. `kataib-hezbollah` or `2020-01-03-baghdad-airport-strike`. Ids never change once published, so URLs and exports stay diffable.",
  });
export type Id = z.infer<typeof Id>;

/** A non-empty string with surrounding whitespace rejected rather than silently trimmed. */
export const Text = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => s.trim() === s, "must not start or end with whitespace");

/**
 * A web address a reader can follow: http or https only. Any other scheme (javascript:, data:,
 * file:) would run or open something other than the document wherever the address is shown or
 * exported.
 */
export const WebUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) address, such as https://example.com/article" })
  .max(2000)
  .meta({ id: "WebUrl", description: "An http or https address." });
