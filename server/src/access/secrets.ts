/**
 * Secrets: random bearer secrets stored only as SHA-256 hashes, and scrypt password hashes.
 * Bearer secrets are 256-bit random, so a fast hash is enough at rest; passwords are not, so scrypt.
 *
 *   const { secret, hash } = createSecret('smk')   // show `secret` once, store `hash`
 *   hashSecret(presented) === hash
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** Prefixes make a leaked secret recognisable (and scannable) by kind. */
export const SECRET_PREFIX = {
  apiKey: 'smk',
  session: 'sms',
  invite: 'smi',
  setup: 'smsu',
} as const
export type SecretKind = keyof typeof SECRET_PREFIX

const SECRET_BYTES = 32
const SCRYPT_KEY_BYTES = 64
const SCRYPT_PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/**
 * Creates an opaque random id (128 bits), safe in URLs. Never starts with '-', so an operator can
 * pass it to the command line (`meeting purge <id>`, `--meeting <id>`) without it reading as an option.
 */
export function createId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}

/** Creates a new secret of a kind; only `hash` may be stored. */
export function createSecret(kind: SecretKind): { secret: string; hash: string } {
  const secret = `${SECRET_PREFIX[kind]}_${randomBytes(SECRET_BYTES).toString('base64url')}`
  return { secret, hash: hashSecret(secret) }
}

/** SHA-256 of a presented secret, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

function scryptAsync(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, SCRYPT_KEY_BYTES, params, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt, SCRYPT_PARAMS)
  const { N, r, p } = SCRYPT_PARAMS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Checks a password against {@link hashPassword}'s output in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltPart, keyPart] = stored.split('$')
  if (scheme !== 'scrypt' || !saltPart || !keyPart) return false
  // The stored cost parameters win, so raising SCRYPT_PARAMS later keeps old hashes valid.
  const params = { ...SCRYPT_PARAMS, N: Number(n), r: Number(r), p: Number(p) }
  const expected = Buffer.from(keyPart, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(saltPart, 'base64url'), params)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
