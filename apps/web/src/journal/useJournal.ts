/**
 * A meeting's safety journal on screen: its entries, newest first, fetched when shown, again every
 * {@link JOURNAL_REFRESH_MS} while the page is in view and when it comes back into view (someone
 * else may have written meanwhile), and with each entry this page adds put on top at once.
 *
 *   const journal = useJournal(meetingId)
 *   journal.entries   // null while loading
 *   journal.meetingTitle, journal.canWrite, journal.linkEndsAt   // for a page with the journal alone
 *   const why = await journal.add({ text, visitDay, planFollowed })   // null when added
 */
import { useCallback, useEffect, useState } from 'react'
import type { MessageKey } from '../i18n/messages.ts'
import { journalApi, type JournalEntry, type JournalEntryInput } from './journalApi.ts'

/** How often an open journal asks for entries others wrote. */
export const JOURNAL_REFRESH_MS = 30_000

export interface Journal {
  /** Newest first; `null` until the first answer. */
  readonly entries: readonly JournalEntry[] | null
  /** The meeting's title, once the first answer came. */
  readonly meetingTitle: string | null
  /** Whether the caller may add entries (not a viewer), once the first answer came. */
  readonly canWrite: boolean | null
  /** When the journal link the caller joined by stops working (ISO 8601); `null` if they did not join by one. */
  readonly linkEndsAt: string | null
  /** Why the entries could not be fetched, or `null`. */
  readonly loadError: MessageKey | null
  readonly reload: () => void
  /** Sends a new entry; resolves to why it was refused, or `null` once it is in the journal. */
  readonly add: (entry: JournalEntryInput) => Promise<MessageKey | null>
}

export function useJournal(meetingId: string): Journal {
  const [entries, setEntries] = useState<readonly JournalEntry[] | null>(null)
  const [meetingTitle, setMeetingTitle] = useState<string | null>(null)
  const [canWrite, setCanWrite] = useState<boolean | null>(null)
  const [linkEndsAt, setLinkEndsAt] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<MessageKey | null>(null)

  const reload = useCallback(() => {
    void journalApi.list(meetingId).then((result) => {
      if (result.ok) {
        setEntries(result.value.entries)
        setMeetingTitle(result.value.meetingTitle)
        setCanWrite(result.value.canWrite)
        setLinkEndsAt(result.value.linkEndsAt)
        setLoadError(null)
      } else setLoadError(result.error.messageKey)
    })
  }, [meetingId])

  useEffect(() => {
    reload()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload()
    }, JOURNAL_REFRESH_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [reload])

  const add = useCallback(
    async (entry: JournalEntryInput): Promise<MessageKey | null> => {
      const result = await journalApi.add(meetingId, entry)
      if (!result.ok) return result.error.messageKey
      setEntries((shown) => [result.value.entry, ...(shown ?? []).filter((e) => e.id !== result.value.entry.id)])
      return null
    },
    [meetingId],
  )

  return { entries, meetingTitle, canWrite, linkEndsAt, loadError, reload, add }
}
