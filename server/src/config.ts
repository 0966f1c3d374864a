/**
 * Server configuration: read once from the environment at startup, checked, and frozen.
 * Nonsense refuses to boot with a message that says which variable to fix.
 *
 *   const config = loadConfig(process.env)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseLabelOverrides, type LabelOverrides } from '@safetymap/map-model'

/** Everything the server reads from its environment. */
export interface Config {
  readonly port: number
  readonly host: string
  /** Folder holding `safetymap.db`. */
  readonly dataDir: string
  /** Public origin of the product, e.g. `https://maps.county.gov`; null = derive from each request. */
  readonly publicUrl: URL | null
  /** tldraw licence key handed to browsers at run time; null = none configured. */
  readonly tldrawLicenseKey: string | null
  /** Built web app served at `/`. */
  readonly webDistDir: string
  readonly logLevel: string
  /** Requests per minute allowed per IP (sign-in: per IP and email) before 429. */
  readonly rateLimits: { readonly signIn: number; readonly join: number; readonly sync: number }
  /** Days a finalized meeting is kept before its content is purged. */
  readonly retentionDays: number
  /** The agency's own section headings from `LABELS_FILE` (map-model MM-28); empty = the catalogue's. */
  readonly labels: LabelOverrides
  /** The agency's name from `AGENCY_NAME`, printed in the header of exported records; null = not set. */
  readonly agencyName: string | null
  /** The agency's IANA time zone from `TIME_ZONE` (e.g. America/Los_Angeles): the clock exported records print times in. */
  readonly timeZone: string
  /** PostgreSQL for every store (issue 9); null = the embedded SQLite file in `dataDir`. */
  readonly databaseUrl: string | null
  /** Redis for live fan-out between relay instances (issue 9); null = this instance alone. */
  readonly redisUrl: string | null
}

/** Thrown when the environment cannot make a working server. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}".`)
  }
  return port
}

function readPublicUrl(raw: string | undefined): URL | null {
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`PUBLIC_URL must be a full URL such as https://maps.example.org, got "${raw}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://, got "${raw}".`)
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL must be an origin only (no path, query or fragment).')
  }
  return url
}

function readPositiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) {
    throw new ConfigError(`${name} must be a whole number from 1 to 1000000, got "${raw}".`)
  }
  return value
}

/** Reads and checks `LABELS_FILE` (map-model MM-28); refuses unknown keys. */
function readLabels(raw: string | undefined): LabelOverrides {
  if (raw === undefined || raw === '') return {}
  let text: string
  try {
    text = readFileSync(path.resolve(raw), 'utf8')
  } catch {
    throw new ConfigError(`LABELS_FILE could not be read: "${raw}".`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ConfigError(`LABELS_FILE is not valid JSON: "${raw}".`)
  }
  const parsed = parseLabelOverrides(value)
  if (!parsed.ok) throw new ConfigError(`LABELS_FILE "${raw}" is wrong at ${parsed.error}.`)
  return parsed.overrides
}

/**
 * Checks a backend's URL (`DATABASE_URL`, `REDIS_URL`): one of its `protocols`, with a host. The
 * `invalid` message never repeats the value, which may hold a password.
 */
function readBackendUrl(raw: string | undefined, expected: { protocols: readonly string[]; invalid: string }): string | null {
  if (raw === undefined || raw === '') return null
  let url: URL | null = null
  try {
    url = new URL(raw)
  } catch {
    // reported below
  }
  if (!url || !expected.protocols.includes(url.protocol) || !url.hostname) throw new ConfigError(expected.invalid)
  return raw
}

/** Reads `AGENCY_NAME`: one line of at most 200 characters. */
function readAgencyName(raw: string | undefined): string | null {
  const name = raw?.trim()
  if (!name) return null
  if (name.length > 200 || /[\r\n]/.test(name)) throw new ConfigError('AGENCY_NAME must be one line of at most 200 characters.')
  return name
}

/**
 * Reads `TIME_ZONE`: an IANA zone of the Area/Location kind, or UTC. Abbreviations are refused
 * although some are zones: "EST" is a fixed offset that ignores daylight saving time.
 */
function readTimeZone(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'UTC'
  let zone: string | null = null
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone
  } catch {
    // reported below
  }
  if (!zone || !(raw.includes('/') || raw.toUpperCase() === 'UTC')) {
    throw new ConfigError(`TIME_ZONE must be an IANA time zone such as America/Los_Angeles (or UTC), got "${raw}".`)
  }
  return zone
}

/** Reads and checks the configuration; throws {@link ConfigError} on nonsense. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const key = env.TLDRAW_LICENSE_KEY?.trim()
  return Object.freeze({
    port: readPort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR?.trim() || path.join(process.cwd(), 'data')),
    publicUrl: readPublicUrl(env.PUBLIC_URL?.trim()),
    tldrawLicenseKey: key ? key : null,
    webDistDir: path.resolve(env.WEB_DIST_DIR?.trim() || path.join(REPO_ROOT, 'apps/web/dist')),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    rateLimits: Object.freeze({
      signIn: readPositiveInt(env, 'RATE_LIMIT_SIGNIN_PER_MINUTE', 10),
      join: readPositiveInt(env, 'RATE_LIMIT_JOIN_PER_MINUTE', 30),
      sync: readPositiveInt(env, 'RATE_LIMIT_SYNC_PER_MINUTE', 30),
    }),
    retentionDays: readPositiveInt(env, 'RETENTION_DAYS', 30),
    labels: readLabels(env.LABELS_FILE?.trim()),
    agencyName: readAgencyName(env.AGENCY_NAME),
    timeZone: readTimeZone(env.TIME_ZONE?.trim()),
    databaseUrl: readBackendUrl(env.DATABASE_URL?.trim(), {
      protocols: ['postgres:', 'postgresql:'],
      invalid: 'DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@host:5432/safetymap.',
    }),
    redisUrl: readBackendUrl(env.REDIS_URL?.trim(), {
      protocols: ['redis:', 'rediss:'],
      invalid: 'REDIS_URL must be a Redis URL such as redis://redis:6379 (or rediss:// for TLS).',
    }),
  })
}
