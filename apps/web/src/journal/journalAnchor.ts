/** The id of the safety journal's heading in the phone's list, where "Go to a part of the map" takes the person. */
export const JOURNAL_ANCHOR_ID = 'phone-journal'
