// `pnpm start`: install and build when needed, then run the server in this process.
import { ensureInstalled, ensureWebBuilt } from './ensure.mjs'

ensureInstalled()
ensureWebBuilt()
const { register } = await import('tsx/esm/api')
register()
await import('../server/src/main.ts')
