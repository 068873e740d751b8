/**
 * Web boilerplate, recognised block by block: cookie notices, photo credits, related-link lists,
 * "contact the author" lines. Used on plain text (the blocks are kept but marked, so no
 * annotation can cite them) and on the blocks Readability keeps from HTML (dropped).
 */
import type { SegmentRole } from "@atlas/schema";

export type BoilerplateRole = "credit" | "related-link" | "cookie-notice" | "contact" | "disclaimer";

const COOKIE = /\bcookies?\b/i;
const COOKIE_ACTION = /\b(use|uses|using|accept|consent|agree|settings|policy|preferences|personali[sz]e)\b/i;
const CREDIT_LEAD =
  /^(photo|photograph|photographer|image|picture|illustration|video|graphic|credit)s?( by)?\s*[:：|/]/i;
const CREDIT_AGENCY =
  /(getty images|afp via getty|\bap photo\b|associated press|reuters\/|\/reuters|epa-efe|anadolu agency|shutterstock|\bafp\b)/i;
/** "Emilienne Malfatto for The Washington Post": a name, "for", a publication, nothing else. */
const CREDIT_FOR = /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3} for (?:The )?[A-Z][\p{L}&.'’ -]+$/u;
const RELATED =
  /^(related( (stories|articles|coverage|content|links?|reading))?|read more|read next|more from|more on this|recommended|see also|most read|most popular|also read|you may also like|further reading|trending|sign up|subscribe)\b/i;
const BRACKETED_LINK = /^\[[^\]]{10,}\]$/;
const CONTACT =
  /^(to contact (the |this )?(author|writer|reporter|editor)|contact the (author|writer|reporter)|follow (him|her|them|us|the author) on|email the author)/i;
const DISCLAIMER =
  /^(copyright\b|©|all rights reserved|the views expressed|disclaimer\b)|\b(does|do) not necessarily reflect the (opinions?|views?)\b/i;

/** Words of a consent dialog: the blocks after a cookie notice that still belong to it. */
const CONSENT =
  /\b(cookies?|privacy|personal (data|information)|opt[- ]?out|consent|do not sell|gdpr|ccpa|tracking|advertis\w*)\b/i;

/** "Militias in Iraq Provide Security, Wield Political Power": a headline or heading, not prose. */
function isTitleCase(block: string): boolean {
  if (block.length > 200 || block.includes("\n") || /[.!?]["”’]?$/.test(block)) return false;
  const long = block.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7;
}

/** The boilerplate role of a block of text, or null for article text. */
export function boilerplateRole(block: string): BoilerplateRole | null {
  const text = block.trim();
  if (text === "") return null;
  if (COOKIE.test(text) && COOKIE_ACTION.test(text) && text.length < 800) return "cookie-notice";
  if (RELATED.test(text) || BRACKETED_LINK.test(text)) return "related-link";
  if (CONTACT.test(text)) return "contact";
  if (DISCLAIMER.test(text) && text.length < 400) return "disclaimer";
  if (text.length < 160 && (CREDIT_LEAD.test(text) || (CREDIT_AGENCY.test(text) && !/[.!?]["”’]?$/.test(text)))) {
    return "credit";
  }
  if (text.length < 80 && CREDIT_FOR.test(text)) return "credit";
  return null;
}

export interface Block {
  start: number;
  end: number;
  role: SegmentRole;
}

/**
 * Splits plain text into blocks at blank lines and classifies each: the first short line is the
 * headline, "By …" a byline, boilerplate by its words, everything else body. Linear in the text.
 */
export function classifyText(text: string, title: string | null): { blocks: Block[]; byline: string | null } {
  const blocks: Block[] = [];
  let byline: string | null = null;
  const re = /\n[ \t\u00a0]*\n/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    const s = start + lead;
    const e = end - trail;
    if (s >= e) return;
    const block = text.slice(s, e);
    const previous = blocks[blocks.length - 1];
    let role: SegmentRole =
      boilerplateRole(block) ??
      (endMatter(previous) && block.length < 300
        ? (previous as Block).role
        : previous?.role === "cookie-notice" &&
            (CONSENT.test(block) || (block.length < 120 && !/[.!?]["”’]?$/.test(block)))
          ? "cookie-notice"
          : "body");
    if (
      role === "body" &&
      blocks.length === 0 &&
      block.length <= 300 &&
      !block.includes("\n") &&
      !/[.!?]$/.test(block)
    ) {
      role = "headline";
    } else if (role === "body" && blocks.length === 0 && title && block === title) {
      role = "headline";
    } else if (
      role === "body" &&
      byline === null &&
      /^By [A-Z]/.test(block) &&
      block.length < 200 &&
      !block.includes("\n")
    ) {
      role = "byline";
      byline = block;
    }
    if (role === "body" && blocks.length > 0 && isTitleCase(block)) role = "heading";
    blocks.push({ start: s, end: e, role });
  };
  // After "To contact the author…" or a disclaimer, the short blocks that follow are end matter.
  const endMatter = (b: Block | undefined) => b !== undefined && (b.role === "contact" || b.role === "disclaimer");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return { blocks, byline };
}

/** "By Louisa Loveluck and Mustafa Salim," → ["Louisa Loveluck", "Mustafa Salim"]. */
export function authorsOf(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .replace(/^by\s+/i, "")
    .replace(/[,;|]\s*$/, "")
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((a) => a.trim())
    .filter((a) => /^\p{Lu}/u.test(a) && a.length <= 80);
}
