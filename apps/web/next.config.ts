/**
 * Next configuration. The workspace's schema package is consumed as TypeScript source (no build
 * step needed for a fresh checkout); CSS is inlined so the first paint waits on nothing but the
 * HTML. The Content-Security-Policy needs a per-request nonce, so it is set in src/proxy.ts;
 * the headers that never change are set here for every response, static files included.
 */
import path from "node:path";
import type { NextConfig } from "next";
// The file itself, not the package: the config loads before anything is built or bundled.
import { MAX_DOCUMENT_UPLOAD_BYTES } from "../../packages/schema/src/limits";

const workspaceRoot = path.resolve(process.cwd(), "../..");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  // server.mjs compresses (brotli, else gzip); Next's own compression is gzip only.
  compress: false,
  reactStrictMode: true,
  transpilePackages: ["@atlas/schema", "@atlas/data", "@atlas/api"],
  turbopack: {
    root: workspaceRoot,
    // The package's "default" export points at dist/, which a fresh checkout has not built.
    resolveAlias: { "@atlas/schema": "../../packages/schema/src/index.ts" },
    // Their files import their siblings NodeNext-style ("./time.js" meaning time.ts).
    rules: {
      "*.ts": [
        {
          // …and so do the data package's files the review and workbench pages import (one model each).
          condition: { path: /packages\/(schema\/src|data\/src\/(review|import|workbench|annotations))\// },
          loaders: [path.join(process.cwd(), "build/js-to-ts-loader.cjs")],
          as: "*.ts",
        },
      ],
    },
  },
  experimental: {
    inlineCss: true,
    // The review form uploads documents to a server action, through the proxy (src/proxy.ts):
    // one document at most (@atlas/schema's limit), plus room for the multipart overhead.
    serverActions: { bodySizeLimit: MAX_DOCUMENT_UPLOAD_BYTES },
    proxyClientMaxBodySize: MAX_DOCUMENT_UPLOAD_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
