/**
 * Reads the secret a link carries in its fragment (`/join#<token>`, `/setup#<code>`). Fragments
 * never reach the server's logs or Referer headers, which is why invite links put secrets there.
 *
 *   const token = readFragment() // '' when the link had none
 */

/** The current URL's fragment without `#`, decoded; '' when there is none. */
export function readFragment(): string {
  const raw = window.location.hash.replace(/^#/, '').trim()
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
