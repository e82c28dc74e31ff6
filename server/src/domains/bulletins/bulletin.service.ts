import { trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound, uniqueOr, validationFailed, type FieldError } from '../../graphql/errors.js';
import { assignNumber } from '../documents/numbering.js';
import * as receipts from '../documents/receipts.js';
import type { BulletinText } from './bulletin.inputs.js';
import { BulletinModel, type Bulletin, type BulletinStatus } from './bulletin.model.js';
import { getBulletin } from './bulletin.query.js';
import { defaultCommentary, defaultTitle } from './bulletin.text.js';
import type { Period } from './period.js';
import { computeSnapshot, scoreSnapshot } from './snapshot.js';

// The bulletin's life: generate a DRAFT (a stored snapshot) → edit → IN_REVIEW → PUBLISHED. Each
// step is one update conditional on the state it expects, so a repeated or racing step fails with
// INVALID_STATE instead of applying twice. Regenerating is for drafts only.

const EDITABLE: BulletinStatus[] = ['DRAFT', 'IN_REVIEW'];

async function explain(id: string, expected: BulletinStatus[]): Promise<never> {
  const current = await BulletinModel.findById(id).select({ status: 1 }).lean();
  if (!current) throw notFound('Bulletin');
  throw invalidState('The bulletin is {{state}}; it must be {{wanted}}', {
    state: current.status,
    wanted: expected.join(' / '),
  });
}

async function transition(
  id: string,
  from: BulletinStatus[],
  update: Record<string, unknown>,
  guard: Record<string, unknown> = {},
) {
  const doc = await BulletinModel.findOneAndUpdate({ _id: id, status: trusted({ $in: from }), ...guard }, update, {
    new: true,
  }).lean<Bulletin>();
  return doc ?? explain(id, from);
}

/** Generates the period's bulletin as a draft, or regenerates its draft; refused once under review. */
export async function generate(user: SessionUser, period: Period, now = new Date()) {
  const existing = await BulletinModel.findOne({ 'period.key': period.key }).select({ status: 1 }).lean();
  if (existing && existing.status !== 'DRAFT')
    throw invalidState('The bulletin of {{period}} is {{state}}; it can no longer be regenerated', {
      period: period.label,
      state: existing.status,
    });
  if (existing) return regenerate(user, String(existing._id), now);
  const snapshot = await computeSnapshot(period, now);
  const doc = await uniqueOr(
    BulletinModel.create({
      period,
      title: defaultTitle(period),
      commentary: defaultCommentary(period, snapshot),
      snapshot,
      generatedAt: now,
      generatedBy: user.id,
    }),
    'Bulletin',
  );
  return doc.toObject() as unknown as Bulletin;
}

/** Recomputes a draft's figures from the data as it is now; picked stars that are still candidates stay. */
export async function regenerate(user: SessionUser, id: string, now = new Date()) {
  const doc = await BulletinModel.findById(id).lean<Bulletin>();
  if (!doc) throw notFound('Bulletin');
  if (doc.status !== 'DRAFT') await explain(id, ['DRAFT']);
  const fresh = await computeSnapshot(doc.period, now);
  const stars = doc.stars.filter((s) => fresh.candidates.some((c) => c.staffId === s));
  return transition(id, ['DRAFT'], {
    snapshot: scoreSnapshot(fresh, stars),
    stars,
    generatedAt: now,
    generatedBy: user.id,
  });
}

export const updateText = (id: string, changes: BulletinText) => transition(id, EDITABLE, changes);

/** The manager's pick of smile stars among the candidates; scores and ranks take their bonus. */
export async function pickStars(id: string, staffIds: string[]) {
  const doc = await BulletinModel.findById(id).lean<Bulletin>();
  if (!doc) throw notFound('Bulletin');
  const stars = [...new Set(staffIds)];
  const candidates = new Set(doc.snapshot.candidates.map((c) => c.staffId));
  const problems: FieldError[] = stars
    .filter((s) => !candidates.has(s))
    .map(() => ({ path: 'staffIds', message: 'not a candidate of this bulletin' }));
  if (stars.length > doc.snapshot.rules.starMax)
    problems.push({ path: 'staffIds', message: 'at most {{count}}', params: { count: doc.snapshot.rules.starMax } });
  if (problems.length) throw validationFailed(problems.slice(0, 1));
  // Guarded by generatedAt: a regeneration meanwhile would make these scores stale.
  return transition(
    id,
    EDITABLE,
    { stars, snapshot: scoreSnapshot(doc.snapshot, stars) },
    { generatedAt: doc.generatedAt },
  );
}

export const submit = (id: string) =>
  transition(id, ['DRAFT'], { status: 'IN_REVIEW', submittedAt: new Date(), returnedReason: '' });

export const returnToDraft = (id: string, reason: string) =>
  transition(id, ['IN_REVIEW'], { status: 'DRAFT', returnedReason: reason });

/** Publishes to every department in it (each gets a receipt to acknowledge) and numbers it 〔YYYY〕第N期. */
export async function publish(user: SessionUser, id: string) {
  const draft = await BulletinModel.findById(id).lean<Bulletin>();
  if (!draft) throw notFound('Bulletin');
  const now = new Date();
  const published = await transition(id, ['IN_REVIEW'], {
    status: 'PUBLISHED',
    publishedAt: now,
    publishedBy: user.id,
    receipts: receipts.receiptsFor(draft.snapshot.departments.map((d) => d.id)),
  });
  return assignNumber('bulletin', BulletinModel, published, now);
}

export async function remove(id: string) {
  const res = await BulletinModel.deleteOne({ _id: id, status: 'DRAFT' });
  if (!res.deletedCount) await explain(id, ['DRAFT']);
  return true;
}

/** The liaison's acknowledgement (签收) of its department's part; repeating it changes nothing. */
export async function acknowledge(user: SessionUser, id: string) {
  return receipts.acknowledge(BulletinModel, user, await getBulletin(user, id), () =>
    invalidState('This bulletin has no part for your department'),
  );
}
