// The worker thread of `DocEncoder.ts`: replicas of large rooms' docs, fed every committed update,
// answering encode requests off the relay's event loop (RL-15). Plain JS: worker threads do not
// inherit the TypeScript loader the server may have registered in-process.
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

/** @type {Map<string, Y.Doc>} */
const docs = new Map()

parentPort?.on('message', (message) => {
  switch (message.type) {
    case 'open': {
      docs.get(message.docId)?.destroy()
      const doc = new Y.Doc()
      Y.applyUpdate(doc, message.state)
      docs.set(message.docId, doc)
      return
    }
    case 'apply': {
      const doc = docs.get(message.docId)
      if (doc) Y.applyUpdate(doc, message.update)
      return
    }
    case 'encode': {
      const doc = docs.get(message.docId)
      const state = doc ? Y.encodeStateAsUpdate(doc, message.stateVector ?? undefined) : null
      parentPort?.postMessage({ id: message.id, state }, state ? [state.buffer] : [])
      return
    }
    case 'close':
      docs.get(message.docId)?.destroy()
      docs.delete(message.docId)
      return
  }
})
