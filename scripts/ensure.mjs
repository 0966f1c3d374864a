// Makes a fresh clone runnable: installs dependencies when the lockfile changed and builds the
// web app when its sources are newer than the build. Used by `pnpm start` and `pnpm test`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Runs pnpm with the same binary that launched us (npx pnpm@10 or a global pnpm). */
export function pnpm(args) {
  const execPath = process.env.npm_execpath
  const [cmd, cmdArgs] = execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npx', ['-y', 'pnpm@10', ...args]]
  const result = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\n"pnpm ${args.join(' ')}" failed. Fix the error above, then run the command again.`)
    process.exit(result.status ?? 1)
  }
}

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules/.modules.yaml')
  const lockfile = path.join(ROOT, 'pnpm-lock.yaml')
  if (!existsSync(marker) || statSync(lockfile).mtimeMs > statSync(marker).mtimeMs) {
    console.log('Installing dependencies (first run takes a few minutes: better-sqlite3 compiles)…')
    pnpm(['install', '--frozen-lockfile'])
  }
}

export function ensureWebBuilt() {
  // The build's last file (its second pass, vite.list.config.ts): a build stopped halfway is redone.
  const built = path.join(ROOT, 'apps/web/dist/list.html')
  const sources = ['apps/web', 'packages/map-model/src', 'packages/tldraw-yjs/src'].map((p) => path.join(ROOT, p))
  const newestSource = Math.max(...sources.map(newestMtime))
  if (!existsSync(built) || newestSource > statSync(built).mtimeMs) {
    console.log('Building the web app…')
    pnpm(['--filter', '@safetymap/web', 'build'])
  }
}
