// The web explorer's production server: `node server.mjs [--hostname 127.0.0.1] [--port 3000]`.
// Next.js behind the checks it cannot make itself (server/guard.mjs): the Host it answers to,
// the methods pages take, addresses no page can answer, and a body for requests whose headers are
// too large (Node refuses those before any handler, with a bare 431). It compresses responses
// itself (next.config.ts turns Next's own gzip off): brotli where the browser takes it, else gzip.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { constants } from "node:zlib";
import compression from "compression";
import next from "next";
import { allowedHosts, postsAction, REFUSAL_HEADERS, readerOf, refusal, refusalPage } from "./server/guard.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const hostname = arg("hostname", "127.0.0.1");
const port = Number(arg("port", "3000"));

const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const hosts = allowedHosts(port);
// A page's HTML carries its React payload after it, which repeats the page's text and the inlined
// stylesheet tens of kilobytes further on: beyond gzip's 32 KB window, inside brotli's. Brotli
// halves what a phone downloads before it can paint (an actor profile: 80 KB gzip, 40 KB brotli).
// Quality 5 costs about what gzip does; Next flushes through it as it streams.
// Downloads (an attachment: the exports, streamed from the API) go as the API sends them: they are
// read once, and a whole-dataset download streamed through the compressor once stalled for a
// minute in CI, which nothing else did.
const compress = compression({
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  filter: (req, res) =>
    !/^\s*attachment/i.test(String(res.getHeader("content-disposition") ?? "")) && compression.filter(req, res),
});

const refuse = (res, r) => {
  const body = refusalPage(r);
  res.writeHead(r.status, { ...REFUSAL_HEADERS, ...r.headers, "content-length": Buffer.byteLength(body) });
  res.end(body);
};

const server = createServer((req, res) => {
  const refused = refusal(
    { method: req.method, url: req.url, host: req.headers.host, action: postsAction(req.headers) },
    hosts,
  );
  if (refused) refuse(res, refused);
  else {
    // The API limits expensive work per client: name the reader this request comes from — its
    // address, or behind a reverse proxy on this host the first X-Forwarded-For address.
    req.headers["x-atlas-client"] = readerOf(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
    compress(req, res, () => handle(req, res));
  }
});
server.on("clientError", (error, socket) => {
  if (!socket.writable) return socket.destroy();
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = refusalPage({
    status: tooLarge ? 431 : 400,
    title: tooLarge ? "The request's headers are too large" : "The request is not valid HTTP",
    message: tooLarge
      ? "This server reads at most 16 KB of headers. Clear this site's cookies, or send fewer headers."
      : "The server could not read the request.",
  });
  const head = { ...REFUSAL_HEADERS, "content-length": Buffer.byteLength(body), connection: "close" };
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n${Object.entries(head)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n")}\r\n\r\n${body}`,
  );
});
server.listen(port, hostname, () => console.log(`web: Militia Atlas explorer on http://${hostname}:${port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
