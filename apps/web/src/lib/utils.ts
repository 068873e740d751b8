import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class names, later ones winning over earlier Tailwind utilities of the same kind. */
export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "armed_group" → "armed group". */
export const words = (s: string) => s.replaceAll("_", " ");

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
