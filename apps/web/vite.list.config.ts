/**
 * The second build (`pnpm build` runs it after vite.config.ts's): `list.html`, the page the server
 * sends for `/m/:id/list` (the phone view), with its scripts in `dist/assets/list-*`. It runs
 * src/phone/listMain.tsx, the list alone, on Preact: preact/compat stands in for React and React
 * DOM (~11 KB gzipped instead of ~64), so a phone on the list downloads Preact, Yjs and the list's
 * code and nothing else (the phone view's JS budget, issue 7). The code stays typed against React.
 *
 * The page is index.html with the list's entry, plus the list's early start as its own small
 * script (it asks for access and opens the sync socket while the rest downloads), preload hints for
 * every chunk and its styles inline, so a phone on a slow network fetches everything in one round
 * of requests instead of a waterfall, and paints the server's copy of the list as it arrives.
 */
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type Rollup } from 'vite'
import { lib0DomChecksArePure, precompressed, serviceWorkerFile } from './vite.config.ts'

const EARLY_START = 'src/phone/earlyStart.ts'

/** Turns index.html into `list.html`: the list's entry in place of the app's, the early start, styles inline. */
function listPage(): Plugin {
  return {
    name: 'safetymap-list-page',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace('src="/src/main.tsx"', 'src="/src/phone/listMain.tsx"') },
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      const early = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith(EARLY_START))
      if (index?.type !== 'asset' || !early) throw new Error('list.html: index.html or the early start is missing from the build')
      const style = (fileName: string) => `<style>${String((bundle[fileName] as Rollup.OutputAsset).source)}</style>`
      const html = String(index.source)
        .replace(/<link rel="stylesheet" crossorigin href="\/([^"]+)">/g, (_tag, fileName: string) => style(fileName))
        .replace('</head>', `  <script type="module" crossorigin async src="/${early.fileName}"></script>\n  </head>`)
      // dist/index.html is the main build's.
      delete bundle['index.html']
      this.emitFile({ type: 'asset', fileName: 'list.html', source: html })
    },
  }
}

export default defineConfig({
  plugins: [react(), lib0DomChecksArePure(), listPage(), serviceWorkerFile(), precompressed()],
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
    ],
  },
  build: {
    rollupOptions: {
      input: { page: 'index.html', earlyStart: EARLY_START },
      // Beside the main build's files in assets/ (which the server caches for good, as hashed),
      // told apart by name.
      output: { entryFileNames: 'assets/list-[name]-[hash].js', chunkFileNames: 'assets/list-[name]-[hash].js', assetFileNames: 'assets/list-[name]-[hash][extname]' },
    },
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    // As in vite.config.ts: every file is served by us, none inlined as a data: URL.
    assetsInlineLimit: 0,
  },
})
