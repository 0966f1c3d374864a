/**
 * Vite build of the SafetyMap web app: `vite build` writes `dist/`, which the server serves at `/`.
 * The canvas (tldraw, Yjs) sits in its own lazily loaded chunk; every asset it needs (fonts, icons,
 * translations) is bundled from `@tldraw/assets`, so a deployment makes no third-party request.
 * `vite` (dev) proxies the API and the sync socket to a server on SAFETYMAP_DEV_API (default :8080).
 *
 * The build also writes `list.html`, which the server sends for `/m/:id/list` (the phone view): the
 * same page, plus the list's early start as its own small script (it asks for access and opens the
 * sync socket while the rest downloads), preload hints for the list's chunks and its styles inline, so a
 * phone on a slow network fetches everything in one round of requests instead of a waterfall.
 * Beside it goes `catalogues.json`, the words the server writes a member's list in.
 */
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type Rollup } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { en } from './src/i18n/catalogues/en.ts'
import { es } from './src/i18n/catalogues/es.ts'

const devApi = process.env.SAFETYMAP_DEV_API ?? 'http://localhost:8080'

const EARLY_START = 'src/phone/earlyStart.ts'
const LIST_PAGE = '/src/phone/PhoneMeetingPage.tsx'

/** Emits `list.html`: `index.html` with the list view's early start and preload hints. */
function listPage(): Plugin {
  return {
    name: 'safetymap-list-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      const chunks = Object.values(bundle).filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
      const early = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith(EARLY_START))
      const page = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(LIST_PAGE))
      if (index?.type !== 'asset' || !early || !page) throw new Error('list.html: index.html, the early start or the list chunk is missing from the build')
      const needed = new Set<string>()
      const visit = (fileName: string) => {
        if (needed.has(fileName)) return
        needed.add(fileName)
        const chunk = bundle[fileName]
        if (chunk?.type === 'chunk') chunk.imports.forEach(visit)
      }
      visit(page.fileName)
      const html = String(index.source)
      const css = [...needed].flatMap((fileName) => [...((bundle[fileName] as Rollup.OutputChunk).viteMetadata?.importedCss ?? [])])
      // Styles go inline: the page, with the server's copy of the list in it, paints as it arrives
      // rather than a round trip later behind render-blocking stylesheets. The list chunk's own
      // stylesheet is still preloaded: the app adds it again when it loads the chunk.
      const style = (fileName: string) => `<style>${String((bundle[fileName] as Rollup.OutputAsset).source)}</style>`
      const tags = [
        `<script type="module" crossorigin async src="/${early.fileName}"></script>`,
        ...[...needed].filter((fileName) => !html.includes(`/${fileName}"`)).map((fileName) => `<link rel="modulepreload" crossorigin href="/${fileName}">`),
        ...css.filter((fileName) => !html.includes(`/${fileName}"`)).flatMap((fileName) => [`<link rel="preload" as="style" crossorigin href="/${fileName}">`, style(fileName)]),
      ]
      const inlined = html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+)">/g, (_tag, fileName: string) => style(fileName))
      this.emitFile({ type: 'asset', fileName: 'list.html', source: inlined.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`) })
      // The server writes a member's list into list.html in these words (server/src/http/phoneListPage.ts).
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
function lib0DomChecksArePure(): Plugin {
  return {
    name: 'safetymap-lib0-dom-pure',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]lib0[\\/]dom\.js$/ },
      handler: (code) => ({ code: code.replaceAll(' = $.$custom(', ' = /* @__PURE__ */ $.$custom('), map: null }),
    },
  }
}

export default defineConfig({
  // Pre-compressed .br/.gz copies let the server answer phones on slow networks without
  // compressing on every request (@fastify/static `preCompressed`).
  plugins: [react(), lib0DomChecksArePure(), listPage(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
  build: {
    rollupOptions: { input: { index: 'index.html', earlyStart: EARLY_START } },
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
