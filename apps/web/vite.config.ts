/**
 * Vite build of the SafetyMap web app: `vite build` writes `dist/`, which the server serves at `/`.
 * The canvas (tldraw, Yjs) sits in its own lazily loaded chunk; every asset it needs (fonts, icons,
 * translations) is bundled from `@tldraw/assets`, so a deployment makes no third-party request.
 * `vite` (dev) proxies the API and the sync socket to a server on SAFETYMAP_DEV_API (default :8080).
 */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'

const devApi = process.env.SAFETYMAP_DEV_API ?? 'http://localhost:8080'

export default defineConfig({
  // Pre-compressed .br/.gz copies let the server answer phones on slow networks without
  // compressing on every request (@fastify/static `preCompressed`).
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs: tldraw fetch()es its translation files, and the server's
    // Content-Security-Policy (connect-src 'self') refuses data: URLs. Every file is served by us.
    assetsInlineLimit: 0,
    // tldraw alone is ~2 MB raw; it is loaded only on the meeting page.
    chunkSizeWarningLimit: 2600,
  },
  server: {
    proxy: {
      '/api': devApi,
      '/sync': { target: devApi, ws: true },
    },
  },
})
