// `pnpm test`: install, build the web app, make sure a Chromium exists, type-check, then run every test.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ROOT, ensureInstalled, ensureWebBuilt } from './ensure.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium from Debian packages for the end-to-end tests…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
      const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
      if (r.status !== 0) break
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`The end-to-end tests need Chromium at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`)
    process.exit(1)
  }
}

ensureInstalled()
ensureWebBuilt()
ensureChromium()

console.log('Type-checking the workspace…')
const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], { cwd: ROOT, stdio: 'inherit' })
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1)

const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
})
process.exit(vitest.status ?? 1)
