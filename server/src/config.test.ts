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

  it('reads AGENCY_NAME for exported records, none by default', () => {
    expect(loadConfig({}).agencyName).toBeNull()
    expect(loadConfig({ AGENCY_NAME: ' Condado de Los Ángeles DCFS ' }).agencyName).toBe('Condado de Los Ángeles DCFS')
  })

  it('reads TIME_ZONE for the times in exported records, UTC by default', () => {
    expect(loadConfig({}).timeZone).toBe('UTC')
    expect(loadConfig({ TIME_ZONE: ' America/Los_Angeles ' }).timeZone).toBe('America/Los_Angeles')
  })

  it('uses SQLite unless DATABASE_URL names a PostgreSQL server', () => {
    expect(loadConfig({}).databaseUrl).toBeNull()
    expect(loadConfig({ DATABASE_URL: ' postgres://sm@db:5432/safetymap ' }).databaseUrl).toBe('postgres://sm@db:5432/safetymap')
    expect(loadConfig({ DATABASE_URL: 'postgresql://sm@db/safetymap' }).databaseUrl).toBe('postgresql://sm@db/safetymap')
  })

  it('never repeats a refused DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://sm:s3cret@db/safetymap' })).toThrow(/^(?!.*s3cret)/)
  })

  it('runs alone unless REDIS_URL names a Redis server for the fan-out between instances', () => {
    expect(loadConfig({}).redisUrl).toBeNull()
    expect(loadConfig({ REDIS_URL: ' redis://redis:6379 ' }).redisUrl).toBe('redis://redis:6379')
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.example.org:6380/0' }).redisUrl).toBe('rediss://:pw@cache.example.org:6380/0')
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@redis:6379' })).toThrow(/^(?!.*s3cret)/)
  })

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'maps.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'ftp://maps.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://maps.example.org/app' }, /origin only/],
    [{ DATABASE_URL: 'mysql://db.example.org/safetymap' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL/],
    [{ REDIS_URL: 'redis://' }, /REDIS_URL/],
    [{ AGENCY_NAME: 'Line one\nline two' }, /AGENCY_NAME/],
    [{ TIME_ZONE: 'Pacific Time' }, /TIME_ZONE/],
    [{ TIME_ZONE: 'America/Springfield' }, /TIME_ZONE/],
    // A fixed offset named like a zone would print winter time all summer.
    [{ TIME_ZONE: 'EST' }, /TIME_ZONE/],
  ])('refuses to boot on %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})
