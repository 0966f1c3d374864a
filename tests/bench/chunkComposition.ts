/**
 * What each script of the phone view (`list.html`, plus the English catalogue its early start
 * fetches) is made of: per chunk its gzip -9 size, then the packages and source files in it by
 * minified bytes, each with the gzip -9 size of its bytes alone (an estimate: gzip shares context
 * across a chunk). It reads the build's source maps, so build the list page with them (its own
 * build, vite.list.config.ts), elsewhere than `dist` (the server would publish the maps):
 *
 *   (cd apps/web && npx vite build -c vite.list.config.ts --sourcemap --outDir /tmp/web-maps --emptyOutDir)
 *   node --import tsx tests/bench/chunkComposition.ts /tmp/web-maps [top=20]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const [dist = path.join(REPO_ROOT, 'apps/web/dist'), top = '20'] = process.argv.slice(2)
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const gz = (text: string) => gzipSync(text, { level: 9 }).length

/** One source-map segment's fields (VLQ): generated column, then source index, … (all relative). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return fields
}

/** A package (`yjs`, `@tldraw/…`) or our own file, from a source-map path (relative to the map). */
function origin(source: string, mapDir: string): string {
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(source)
  return inPackage ? inPackage[1]! : path.relative(REPO_ROOT, path.resolve(mapDir, source))
}

/** A chunk's generated text, grouped by where each piece came from. */
function compose(code: string, map: { sources: string[]; mappings: string }, mapDir: string): Map<string, string> {
  const lines = code.split('\n')
  const parts = new Map<string, string>()
  let source = 0
  map.mappings.split(';').forEach((line, lineIndex) => {
    const text = lines[lineIndex] ?? ''
    const starts: [number, string][] = []
    let column = 0
    for (const segment of line.split(',').filter(Boolean)) {
      const fields = decodeSegment(segment)
      column += fields[0]!
      if (fields.length > 1) source += fields[1]!
      starts.push([column, fields.length > 1 ? origin(map.sources[source]!, mapDir) : '(bundler)'])
    }
    starts.forEach(([start, from], i) => parts.set(from, (parts.get(from) ?? '') + text.slice(start, starts[i + 1]?.[0] ?? text.length)))
  })
  return parts
}

const html = readFileSync(path.join(dist, 'list.html'), 'utf8')
const catalogue = readdirSync(path.join(dist, 'assets')).filter((file) => /^list-en-.*\.js$/.test(file))
const scripts = [...new Set([...html.matchAll(/\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!).concat(catalogue.map((file) => `assets/${file}`)))].sort()
let total = 0
for (const script of scripts) {
  const code = readFileSync(path.join(dist, script), 'utf8')
  total += gz(code)
  console.log(`\n${script}  ${code.length} B minified, ${gz(code)} B gzip -9`)
  const mapFile = path.join(dist, `${script}.map`)
  if (!existsSync(mapFile)) continue // the bundler's own runtime has none
  const parts = compose(code, JSON.parse(readFileSync(mapFile, 'utf8')), path.dirname(mapFile))
  for (const [from, text] of [...parts].sort((a, b) => b[1].length - a[1].length).slice(0, Number(top))) {
    console.log(`  ${String(text.length).padStart(8)} B  ~${String(gz(text)).padStart(6)} B gz  ${from}`)
  }
}
console.log(`\ntotal ${total} B gzip -9 (${scripts.length} scripts)`)
