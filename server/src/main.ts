/**
 * Starts SafetyMap: loads configuration, builds the app, listens on one port, and on first start
 * prints how to create the first worker account. SIGTERM/SIGINT flush every open map first.
 *
 *   node --import tsx server/src/main.ts
 */
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`SafetyMap cannot start: ${err.message}\n`)
      process.exit(78)
    }
    throw err
  }
  const { app, services } = await buildApp({ config })
  const address = await app.listen({ port: config.port, host: config.host })
  const base = config.publicUrl?.origin ?? `http://localhost:${new URL(address).port}`

  if (!config.tldrawLicenseKey) {
    app.log.warn('TLDRAW_LICENSE_KEY is not set: fine on http and localhost, but tldraw blanks the canvas after 5 seconds on https hosts other than localhost')
  }
  if (await services.workers.isEmpty()) {
    const code = await services.workers.issueSetupCode(null, services.now())
    // Printed to the operator's console, not the log stream: it is a one-time secret.
    process.stdout.write(
      `\nSafetyMap is running at ${base}\n` +
        `No worker account exists yet. Open this link within 24 hours to create the first one:\n\n  ${base}/setup#${code}\n\n` +
        'More workers: pnpm safetymap worker add --email <email> --name <name>\n\n',
    )
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down: saving open maps')
    await app.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

await main()
