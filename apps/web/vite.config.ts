/**
 * Vite build of the SafetyMap web app: `vite build` writes `dist/`, which the server serves at `/`.
 * The canvas (tldraw, Yjs) sits in its own lazily loaded chunk; every asset it needs (fonts, icons,
 * translations) is bundled from `@tldraw/assets`, so a deployment makes no third-party request.
 * `vite` (dev) proxies the API and the sync socket to a server on SAFETYMAP_DEV_API (default :8080).
 *
 * Beside it goes `catalogues.json`, the words the server writes a member's phone list in. The phone
 * view's own page, `list.html`, is a second build (vite.list.config.ts) that runs after this one;
 * it also writes the service worker (`serviceWorkerFile`), which needs both builds' files.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, transformWithOxc, type Plugin } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { en } from './src/i18n/catalogues/en.ts'
import { es } from './src/i18n/catalogues/es.ts'

const devApi = process.env.SAFETYMAP_DEV_API ?? 'http://localhost:8080'

/** Emits `catalogues.json`: the server writes a member's list into list.html in these words (server/src/http/phoneListPage.ts). */
function cataloguesFile(): Plugin {
  return {
    name: 'safetymap-catalogues',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'catalogues.json', source: JSON.stringify({ en, es }) })
    },
  }
}

/**
 * lib0's `dom.js` (reached from Yjs through lib0's logging) builds four DOM type checks at load
 * with lib0's schema library; nothing here uses them, but the calls look like side effects, so
 * the whole schema module (~2 KB gzipped) stayed in the phone view's bundle. Marked pure, unused,
 * they go, and schema.js with them.
 */
export function lib0DomChecksArePure(): Plugin {
  return {
    name: 'safetymap-lib0-dom-pure',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]lib0[\\/]dom\.js$/ },
      handler: (code) => ({ code: code.replaceAll(' = $.$custom(', ' = /* @__PURE__ */ $.$custom('), map: null }),
    },
  }
}

/** The service worker's source; it is served at the root, so its scope is the whole app. */
const SERVICE_WORKER = 'src/serviceWorker.ts'

/**
 * Writes `serviceWorker.js` (src/serviceWorker.ts) in the list build, the last: the shell it keeps
 * is both pages, the favicon, every file of the list's build (its language chunks too: a phone
 * offline still reads its own language) and what index.html loads at once. Not the board's code
 * nor tldraw's fonts (megabytes a phone on the list never uses): the worker keeps those once they
 * load. The version is a hash of the shell, so a deploy installs a new worker, which drops the old cache.
 */
export function serviceWorkerFile(): Plugin {
  let outDir = ''
  let source = ''
  return {
    name: 'safetymap-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
      source = path.resolve(config.root, SERVICE_WORKER)
    },
    async generateBundle(_options, bundle) {
      const list = bundle['list.html']
      if (list?.type !== 'asset') throw new Error('serviceWorker.js: list.html is missing; serviceWorkerFile() goes after the list page plugin')
      const index = readFileSync(path.join(outDir, 'index.html'), 'utf8')
      const indexFiles = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]!)
      const listFiles = Object.keys(bundle).filter((name) => !/\.(map|br|gz)$/.test(name))
      const files = [...new Set(['index.html', 'favicon.svg', ...indexFiles, ...listFiles])].sort().map((name) => `/${name}`)
      const version = createHash('sha256').update(JSON.stringify(files)).update(index).update(String(list.source)).digest('hex').slice(0, 16)
      const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source)
      // A classic script, for browsers without module service workers: its only `export {}` goes.
      const script = code.replace(/^export \{\};?$/m, '').replace('__SAFETYMAP_SHELL__', JSON.stringify({ version, files }))
      if (/^\s*(import|export)\b/m.test(script)) throw new Error(`${SERVICE_WORKER} must import and export nothing: it runs as a classic script`)
      this.emitFile({ type: 'asset', fileName: 'serviceWorker.js', source: script })
    },
  }
}

/**
 * Pre-compressed .br/.gz copies let the server answer phones on slow networks without
 * compressing on every request (@fastify/static `preCompressed`).
 */
export const precompressed = () => compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })

export default defineConfig({
  plugins: [react(), lib0DomChecksArePure(), cataloguesFile(), precompressed()],
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
