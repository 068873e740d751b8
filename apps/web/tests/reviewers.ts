/**
 * Reviewers and documents the sign-in and annotation tests make for themselves, straight through
 * the API with the admin's token (as an admin would with the CLI), so each test starts from its
 * own reviewer and its own document and touches no curated record.
 */
import { type APIRequestContext, expect } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";

const admin = { authorization: `Bearer ${TEST_INGEST_TOKEN}` };
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A new reviewer (not an admin): their name and token. */
export async function newReviewer(request: APIRequestContext, prefix: string) {
  const answer = await request.post(`${API_URL}/api/reviewers`, {
    headers: admin,
    data: { name: `${prefix}-${unique()}` },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as { name: string; token: string };
}

export async function revoke(request: APIRequestContext, name: string) {
  const answer = await request.post(`${API_URL}/api/reviewers/${name}/revoke`, { headers: admin, data: {} });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** A new document with this text (a unique first line keeps it from being a duplicate): its id. */
export async function newDocument(request: APIRequestContext, title: string, body: string) {
  const heading = `${title} ${unique()}`;
  const answer = await request.post(`${API_URL}/api/ingest`, {
    // Its own client, so an ingest of the other worker's tests does not make this one wait (429).
    headers: { ...admin, "x-atlas-client": `test-${unique()}` },
    data: { title: heading, published: "2022-06-10", text: `${heading}\n\n${body}\n` },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { sourceId: string }).sourceId;
}

/** A new actor made from words of a document, as `atlas add actor` does: its id. */
export async function newActor(request: APIRequestContext, sourceId: string, quote: string, description: string) {
  const answer = await request.post(`${API_URL}/api/records`, {
    headers: admin,
    data: { record: { kind: "actor", sourceId, quote, occurrence: 1, actorKind: "armed_group", description } },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const made = (await answer.json()) as { records: { recordType: string; recordId: string }[] };
  return made.records.find((r) => r.recordType === "actor")?.recordId as string;
}
