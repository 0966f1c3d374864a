/**
 * The server's front door, for tests and embedding.
 */
export { buildApp, DATABASE_FILE, SHUTDOWN_STEP_TIMEOUT_MS, type BuildAppOptions, type SafetyMapServer } from './app.ts'
export { loadConfig, ConfigError, type Config } from './config.ts'
export { CONSENT_AGREEMENT, type ConsentAgreement } from './meetings/consentAgreement.ts'
