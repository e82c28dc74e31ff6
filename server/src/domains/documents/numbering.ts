import { Schema, model, trusted, type Model, type Types } from 'mongoose';
import { isDuplicateKey } from '../../db.js';
import { localDate } from '../../../../common/time.js';

// The yearly numbers of the centre's documents: 〔2026〕第3号 for notices, 〔2026〕第3期 for
// bulletins. Each kind counts from 1 every year of the centre's calendar (Asia/Shanghai, whatever
// the server's zone), and a number is given only when a document is approved or published, so
// discarded drafts leave no gaps.
//
// A number is claimed by inserting it: a claim's _id is the number itself ("notice-2026-3") and a
// document has one claim at most, both unique indexes, so two documents can never share a number
// and one document never gets two. The next number is the highest claimed or given plus one, so
// the numbers run without gaps even when a step dies between claiming and recording its number:
// retried, it finds its own claim. No counter has to be read and raised atomically.

export const DOCUMENT_KINDS = ['notice', 'bulletin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const SUFFIX: Record<DocumentKind, string> = { notice: '号', bulletin: '期' };

export const documentNumber = (kind: DocumentKind, year: number, seq: number) => `〔${year}〕第${seq}${SUFFIX[kind]}`;

/** The centre's calendar year of an instant: 2030-12-31T16:00Z is already 2031 in Shanghai. */
export const centreYear = (at: Date) => Number(localDate(at).slice(0, 4));

const claimSchema = new Schema(
  {
    _id: { type: String },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    doc: { type: Schema.Types.ObjectId, required: true, unique: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
claimSchema.index({ kind: 1, year: 1, seq: -1 });
const ClaimModel = model('DocumentNumber', claimSchema, 'document_numbers');
type Claim = { kind: DocumentKind; year: number; seq: number; doc: Types.ObjectId };

/** What a numbered document stores: `number` is '' until it has one. */
export interface Numbered {
  _id: Types.ObjectId;
  number: string;
  year?: number | null;
  seq?: number | null;
}

// Either kind's model: T says what its documents are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Documents = Model<any>;

/** The next number of the year: past the highest claimed, and past any given before claims were kept. */
async function nextSeq(kind: DocumentKind, documents: Documents, year: number) {
  const [claimed, given] = await Promise.all([
    ClaimModel.findOne({ kind, year }).sort({ seq: -1 }).select({ seq: 1 }).lean<{ seq: number }>(),
    documents
      .findOne({ year, seq: trusted({ $ne: null }) })
      .sort({ seq: -1 })
      .select({ seq: 1 })
      .lean<{ seq: number }>(),
  ]);
  return Math.max(claimed?.seq ?? 0, given?.seq ?? 0) + 1;
}

/** Claims the next number of the year for a document, or finds the one it claimed before. */
async function claim(kind: DocumentKind, documents: Documents, id: Types.ObjectId, year: number): Promise<Claim> {
  for (let attempt = 0; ; attempt++) {
    const mine = await ClaimModel.findOne({ doc: id }).lean<Claim>();
    if (mine) return mine;
    const seq = await nextSeq(kind, documents, year);
    try {
      return (await ClaimModel.create({ _id: `${kind}-${year}-${seq}`, kind, year, seq, doc: id })).toObject();
    } catch (err) {
      // Someone took this number (or this document's claim) first: look again.
      if (!isDuplicateKey(err) || attempt >= 50) throw err;
    }
  }
}

/**
 * Gives a document its number for the centre's year of `at`, once: a document that has one keeps
 * it, so repeating a step (or two racing steps) never renumbers it. Returns it as stored.
 */
export async function assignNumber<T extends Numbered>(kind: DocumentKind, documents: Documents, doc: T, at: Date) {
  if (doc.number) return doc;
  const { year, seq } = await claim(kind, documents, doc._id, centreYear(at));
  const numbered = await documents
    .findOneAndUpdate(
      { _id: doc._id, number: '' },
      { year, seq, number: documentNumber(kind, year, seq) },
      { new: true },
    )
    .lean<T>();
  return numbered ?? (await documents.findById(doc._id).lean<T>()) ?? doc;
}
