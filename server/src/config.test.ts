import { describe, expect, it } from 'vitest'
import path from 'node:path'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to port 8080 and ./data with no licence key', () => {
    const config = loadConfig({})
    expect(config.port).toBe(8080)
    expect(config.dataDir).toBe(path.resolve('data'))
    expect(config.tldrawLicenseKey).toBeNull()
    expect(config.publicUrl).toBeNull()
  })

  it('reads PORT, DATA_DIR, PUBLIC_URL and TLDRAW_LICENSE_KEY', () => {
    const config = loadConfig({ PORT: '9000', DATA_DIR: '/tmp/sm', PUBLIC_URL: 'https://maps.example.org', TLDRAW_LICENSE_KEY: ' key ' })
    expect(config).toMatchObject({ port: 9000, dataDir: '/tmp/sm', tldrawLicenseKey: 'key' })
    expect(config.publicUrl?.origin).toBe('https://maps.example.org')
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'maps.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'ftp://maps.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://maps.example.org/app' }, /origin only/],
  ])('refuses to boot on %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})
