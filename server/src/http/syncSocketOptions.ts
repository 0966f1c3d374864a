/**
 * Options of the websocket server behind `/sync`. The first sync of a map is large and mostly text
 * (a 300-item map is ~190 KB of Yjs update), so big messages are compressed (permessage-deflate):
 * on a slow phone connection that is the difference between one second and a fifth of one.
 * Everyday edits and presence are far below the threshold and go out as they are, costing no CPU.
 * No context is kept between messages, so an idle socket holds no zlib memory.
 *
 *   await app.register(websocket, { options: syncSocketOptions(MAX_MESSAGE_BYTES) })
 */
import type { PerMessageDeflateOptions } from 'ws'

/** Messages smaller than this are sent uncompressed. */
export const SYNC_DEFLATE_THRESHOLD_BYTES = 4 * 1024

/** The `ws` server options for sync sockets accepting messages up to `maxPayload` bytes. */
export function syncSocketOptions(maxPayload: number): { maxPayload: number; perMessageDeflate: PerMessageDeflateOptions } {
  return {
    maxPayload,
    perMessageDeflate: {
      threshold: SYNC_DEFLATE_THRESHOLD_BYTES,
      serverNoContextTakeover: true,
      clientNoContextTakeover: true,
    },
  }
}
