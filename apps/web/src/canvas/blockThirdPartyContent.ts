/**
 * Keeps pasted and dropped content from reaching third parties or bloating the shared doc:
 * - a pasted link becomes a plain bookmark (title = the address) without fetching the page;
 * - pasted iframe/embed code becomes such a link too, never an embedded third-party frame;
 * - pictures, videos and files are refused (they would be inlined into the doc as base64) and
 *   `onBlocked` is called so the page can say why.
 *
 *   // in <Tldraw onMount>, which runs after tldraw registers its own handlers
 *   blockThirdPartyContent(editor, { onBlocked: () => showNotice('canvas.filesBlocked') })
 */
import { AssetRecordType, getHashForString, type Editor, type TLBookmarkAsset } from 'tldraw'

/** Replaces tldraw's external content handlers that fetch, embed or inline. */
export function blockThirdPartyContent(editor: Editor, { onBlocked }: { onBlocked: () => void }): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => linkOnlyBookmark(url))
  editor.registerExternalContentHandler('embed', ({ url, point }) => {
    void editor.putExternalContent(point ? { type: 'url', url, point } : { type: 'url', url })
  })
  editor.registerExternalContentHandler('files', () => onBlocked())
  editor.registerExternalContentHandler('file-replace', () => onBlocked())
  editor.registerExternalContentHandler('svg-text', () => onBlocked())
}

/** A bookmark asset that only knows its address: no title, picture or icon fetched from the page. */
function linkOnlyBookmark(url: string): TLBookmarkAsset {
  return {
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: url, description: '', image: '', favicon: '' },
    meta: {},
  }
}
