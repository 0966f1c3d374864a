/**
 * Vite build of the SafetyMap web app: `vite build` writes `dist/`, which the server serves at `/`.
 * The canvas (tldraw, Yjs) sits in its own lazily loaded chunk; every asset it needs (fonts, icons,
 * translations) is bundled from `@tldraw/assets`, so a deployment makes no third-party request.
 * `vite` (dev) proxies the API and the sync socket to a server on SAFETYMAP_DEV_API (default :8080).
 *
 * The build also writes `list.html`, which the server sends for `/m/:id/list` (the phone view): the
 * same page, plus the list's early start as its own small script (it asks for access and opens the
 * sync socket while the rest downloads) and preload hints for the list's chunks and styles, so a
 * phone on a slow network fetches everything in one round of requests instead of a waterfall.
 */
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type Rollup } from 'vite'
import { compression } from 'vite-plugin-compression2'

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
      const tags = [
        `<script type="module" crossorigin async src="/${early.fileName}"></script>`,
        ...[...needed].filter((fileName) => !html.includes(`/${fileName}"`)).map((fileName) => `<link rel="modulepreload" crossorigin href="/${fileName}">`),
        ...css.filter((fileName) => !html.includes(`/${fileName}"`)).map((fileName) => `<link rel="stylesheet" crossorigin href="/${fileName}">`),
      ]
      this.emitFile({ type: 'asset', fileName: 'list.html', source: html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`) })
    },
  }
}

export default defineConfig({
  // Pre-compressed .br/.gz copies let the server answer phones on slow networks without
  // compressing on every request (@fastify/static `preCompressed`).
  plugins: [react(), listPage(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
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
