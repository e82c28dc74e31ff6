import { Schema, model, type Model, type Types } from 'mongoose';
import { localDate } from '../calendar/calendar.service.js';

// The yearly numbers of the centre's documents: 〔2026〕第3号 for notices, 〔2026〕第3期 for
// bulletins. Each kind counts from 1 every year of the centre's calendar (Asia/Shanghai, whatever
// the server's zone). A number is drawn from an atomic counter ($inc) only when a document is
// approved or published, so discarded drafts leave no gaps and two documents never share one.

export const DOCUMENT_KINDS = ['notice', 'bulletin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const SUFFIX: Record<DocumentKind, string> = { notice: '号', bulletin: '期' };

export const documentNumber = (kind: DocumentKind, year: number, seq: number) => `〔${year}〕第${seq}${SUFFIX[kind]}`;

/** The centre's calendar year of an instant: 2030-12-31T16:00Z is already 2031 in Shanghai. */
export const centreYear = (at: Date) => Number(localDate(at).slice(0, 4));

// One counter document per kind and year (`notice-2026`). Each kind keeps the collection it has
// always used, so the counts of earlier years carry on without a migration.
const counterSchema = new Schema({ _id: { type: String }, seq: { type: Number, default: 0 } });
const COUNTERS = {
  notice: model('NoticeCounter', counterSchema, 'notice_counters'),
  bulletin: model('BulletinCounter', counterSchema, 'bulletin_counters'),
} satisfies Record<DocumentKind, unknown>;

async function nextSeq(kind: DocumentKind, year: number) {
  const counter = await COUNTERS[kind]
    .findOneAndUpdate({ _id: `${kind}-${year}` }, { $inc: { seq: 1 } }, { upsert: true, new: true })
    .lean<{ seq: number }>();
  return counter.seq;
}

/** What a numbered document stores: `number` is '' until it has one. */
export interface Numbered {
  _id: Types.ObjectId;
  number: string;
}

/**
 * Gives a document its number for the year of `at`, once: a document that has one keeps it, so
 * repeating a step (or two racing steps) never renumbers it. Returns the document as stored.
 */
export async function assignNumber<T extends Numbered>(
  kind: DocumentKind,
  // Either kind's model: T says what its documents are.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  documents: Model<any>,
  doc: T,
  at: Date,
): Promise<T> {
  if (doc.number) return doc;
  const year = centreYear(at);
  const seq = await nextSeq(kind, year);
  const numbered = await documents
    .findOneAndUpdate(
      { _id: doc._id, number: '' },
      { year, seq, number: documentNumber(kind, year, seq) },
      { new: true },
    )
    .lean<T>();
  return numbered ?? (await documents.findById(doc._id).lean<T>()) ?? doc;
}
