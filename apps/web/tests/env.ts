/** Ports and the write token the test servers share (playwright.config.ts starts them with these). */
export const API_PORT = Number(process.env.ATLAS_TEST_API_PORT ?? 4111);
export const WEB_PORT = Number(process.env.ATLAS_TEST_WEB_PORT ?? 3111);
export const API_URL = `http://127.0.0.1:${API_PORT}`;
/** A test-only token: the API registers it as reviewer "admin", as `npm start` does; tests sign in with it (signed-in.ts). */
export const TEST_INGEST_TOKEN = "atlas-web-test-token-0123456789";
export const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
