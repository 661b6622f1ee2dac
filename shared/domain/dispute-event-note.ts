/**
 * What a dispute event's stored note says, for the timeline on screen and in the printed pack.
 *
 * The service writes three notes of its own beside the user's words (electron/services/dispute-service):
 * a new case's number of findings ("8"), an edit's changed fields ("merchantName, deadline") and, when a
 * case is resolved without a note, the money recovered in fen ("recovered 9588"). Shown as stored they
 * were English keys and fen in a Chinese screen and in a letter to the acquirer; read back here, each
 * reader words them in its own language. Books keep the stored form, so this is also how old events read.
 */
import type { DisputeEventType } from '../api/disputes';
import { formatFen } from '../money-format';
import { fen } from '../fen';

/** The case fields an edit can change (the keys of `disputeFieldsSchema`). */
export const DISPUTE_FIELD_KEYS = [
  'title',
  'acquirer',
  'merchantName',
  'merchantNo',
  'terminals',
  'claimedFen',
  'claimedReason',
  'remedy',
  'deadline',
] as const;
export type DisputeFieldKey = (typeof DISPUTE_FIELD_KEYS)[number];

export type EventNote =
  | { kind: 'none' }
  /** The user's own words (a contact, a status change with a note). */
  | { kind: 'text'; text: string }
  /** A case opened from this many findings. */
  | { kind: 'findings'; count: number }
  /** The case fields an edit changed. */
  | { kind: 'fields'; fields: DisputeFieldKey[] }
  /** Money recovered when the case was resolved. Unit: fen. */
  | { kind: 'recovered'; fen: number };

const RECOVERED = /^recovered (\d+)$/;
const isFieldKey = (key: string): key is DisputeFieldKey =>
  (DISPUTE_FIELD_KEYS as readonly string[]).includes(key);

/** Reads an event's note: the service's own notes by the event's type, anything else as the user's text. */
export function readEventNote(event: { type: DisputeEventType; note: string | null }): EventNote {
  const note = event.note?.trim() ?? '';
  if (note === '') return { kind: 'none' };
  if (event.type === 'created' && /^\d+$/.test(note)) return { kind: 'findings', count: Number(note) };
  if (event.type === 'edited') {
    const keys = note.split(',').map((k) => k.trim());
    if (keys.every(isFieldKey)) return { kind: 'fields', fields: keys };
  }
  if (event.type === 'status') {
    const recovered = RECOVERED.exec(note);
    if (recovered?.[1] !== undefined) return { kind: 'recovered', fen: Number(recovered[1]) };
  }
  return { kind: 'text', text: note };
}

/** How a reader words the service's notes (its language's words for a count, a field, money back). */
export type EventNoteWords = {
  findings: (count: number) => string;
  field: (key: DisputeFieldKey) => string;
  /** Between field names: "、" in Chinese, ", " in English. */
  separator: string;
  /** `amount` as "¥95.88". */
  recovered: (amount: string) => string;
};

/** An event's note in the reader's words; the user's own words as written. */
export function eventNoteText(
  event: { type: DisputeEventType; note: string | null },
  words: EventNoteWords,
): string {
  const note = readEventNote(event);
  switch (note.kind) {
    case 'none':
      return '';
    case 'text':
      return note.text;
    case 'findings':
      return words.findings(note.count);
    case 'fields':
      return note.fields.map(words.field).join(words.separator);
    case 'recovered':
      return words.recovered(formatFen(fen(note.fen)));
  }
}
