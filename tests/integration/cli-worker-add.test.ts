/**
 * The operator's `safetymap worker add` command, run as a real process on a real data directory:
 * the password link it prints points where the server runs, as far as the command can know it,
 * and says which address it assumed when it cannot.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, databaseEnv, tempDataDir } from '../helpers/servers.ts'

/** Runs `worker add` on a fresh data directory, with `env` on top of the test's database settings. */
async function workerAdd(env: { PORT?: string; PUBLIC_URL?: string }, json = false) {
  const dataDir = tempDataDir()
  const args = ['--import', 'tsx', 'server/src/cli.ts', 'worker', 'add', '--email', 'ana@example.org', '--name', 'Ana Ruiz', ...(json ? ['--json'] : [])]
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '', PUBLIC_URL: '', ...(await databaseEnv(dataDir)), ...env },
    encoding: 'utf8',
  })
  expect(result.status, result.stderr).toBe(0)
  return { stdout: result.stdout, stderr: result.stderr }
}

describe('safetymap worker add: the password link', () => {
  it('points at the PORT the command is given, with no warning', async () => {
    const { stdout, stderr } = await workerAdd({ PORT: '8190' }, true)
    expect((JSON.parse(stdout) as { setupUrl: string }).setupUrl).toMatch(/^http:\/\/localhost:8190\/setup#.+/)
    expect(stderr).not.toContain('assumes')
  })

  it('points at PUBLIC_URL when it is set', async () => {
    const { stdout } = await workerAdd({ PUBLIC_URL: 'https://maps.example.org', PORT: '8190' })
    expect(stdout).toMatch(/https:\/\/maps\.example\.org\/setup#\S+/)
    expect(stdout).not.toContain('assumes')
  })

  it('says which address it assumed, and how to change it, when neither is given', async () => {
    const text = await workerAdd({})
    expect(text.stdout).toContain('Link to set a password (valid 24 hours, once): http://localhost:8080/setup#')
    expect(text.stdout).toContain('the link assumes http://localhost:8080')
    expect(text.stdout).toContain('change the start of the link (before /setup) to that address')
    expect(text.stdout).toContain('PORT=8190 pnpm safetymap worker add')
    // --json keeps its output one JSON object; the note goes to the console beside it.
    const json = await workerAdd({}, true)
    expect(JSON.parse(json.stdout)).toHaveProperty('setupUrl')
    expect(json.stderr).toContain('the link assumes http://localhost:8080')
  })
})
