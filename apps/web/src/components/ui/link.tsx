/**
 * next/link without prefetching. Every page here is rendered per request from the API, so a
 * prefetch would only fetch the layout — at the cost of a request per visible link (a reader
 * page shows hundreds). Navigation stays client-side on click.
 */
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
