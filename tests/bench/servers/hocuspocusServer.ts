/**
 * `@hocuspocus/server` 3.4.4 with its defaults (no extensions, so no persistence), quiet.
 *
 *   PORT=… node --import tsx tests/bench/servers/hocuspocusServer.ts   (spawned by run.ts)
 */
import { Server } from '@hocuspocus/server'
import { readPort, reportReady } from './benchServerIpc.ts'

const port = readPort()
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: false })
await server.listen()
reportReady({ url: `http://127.0.0.1:${port}`, token: null })
