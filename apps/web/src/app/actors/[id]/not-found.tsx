import type { Metadata } from "next";
import { RecordNotFound } from "@/components/did-you-mean";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <RecordNotFound type="actor" />;
}
