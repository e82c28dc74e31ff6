import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { RATING_CHANNELS } from '../../../../common/channels.js';
import { RATING_LEVELS } from '../../../../common/ratings.js';

// One citizen's rating of one visit. Raters stay anonymous: the address is kept only as a keyed
// hash (for abuse limits), an optional call-back phone only on bad ratings.
const ratingSchema = new Schema({
  /** Made by the citizen's page once per submission; a resend with the same key stores nothing new. */
  clientKey: { type: String, required: true, unique: true },
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  /** Whoever the roster had on duty at the window at that moment (null if nobody). */
  staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
  level: { type: String, enum: RATING_LEVELS, required: true },
  /** isBad and isGood of the level (common/ratings.ts), stored so reports can count them. */
  negative: { type: Boolean, required: true },
  good: { type: Boolean, required: true },
  tags: { type: [String], default: [] },
  comment: { type: String, default: '' },
  /** The case number as the citizen typed it: kept as text, binding nothing unless the centre knows it. */
  caseNumber: { type: String, default: null },
  // The national data set's fields (GB/T 39046-2020 table 9), filled in at submission.
  /** 评价渠道 */
  channel: { type: String, enum: RATING_CHANNELS, required: true },
  /** 办件编号 of a case the centre knows (served-cases): the one this rating is bound to. */
  servedCase: { type: String, default: null },
  /** The case's service item, when known. */
  serviceItem: { type: Schema.Types.ObjectId, ref: 'ServiceItem', default: null },
  /** 评价次数: which rating of the case this is (on site always 1: 一次一评). */
  ratingSeq: { type: Number, default: 1 },
  /** 行政区划: the centre's region code when the rating was given. */
  regionCode: { type: String, default: '' },
  /** The answer to 工作人员是否要求您给好评？ after a good rating (null: not asked or not answered). */
  staffAskedForGood: { type: Boolean, default: null },
  callbackPhone: { type: String, default: null },
  ipHash: { type: String, required: true },
  createdAt: { type: Date, required: true },
  // Period keys (lib/periods.ts), precomputed for reporting.
  day: { type: String, required: true },
  week: { type: String, required: true },
  month: { type: String, required: true },
  bimonth: { type: String, required: true },
  hour: { type: Number, required: true },
  weekday: { type: Number, required: true },
  /** A burst from one address at one window: kept and reviewable, but not counted. */
  suspect: { type: Boolean, default: false },
  suspectReason: { type: String, default: null },
  /** Excluded after an approved appeal (malicious or mistaken rating): hidden, never deleted. */
  excluded: { type: Boolean, default: false },
  /** Why it was excluded (a confirmed burst, an approved appeal). */
  excludedReason: { type: String, default: null },
  /** When a manager reviewed it as suspect: a reviewed rating leaves the queue and is never re-flagged. */
  reviewedAt: { type: Date, default: null },
  /** Whether statistics count it: neither suspect nor excluded. Kept in step by every change. */
  counted: { type: Boolean, required: true },
});

ratingSchema.index({ counted: 1, day: 1 });
ratingSchema.index({ department: 1, day: 1 });
ratingSchema.index({ window: 1, createdAt: -1 });
ratingSchema.index({ staff: 1, day: 1 });
ratingSchema.index({ suspect: 1, createdAt: -1 });

export type Rating = InferSchemaType<typeof ratingSchema> & { _id: Types.ObjectId };
export const RatingModel = model('Rating', ratingSchema);

// A ticket lets one page load submit one rating for one window, for a limited time.
const ticketSchema = new Schema({
  _id: { type: String }, // sha256 of the token the page holds
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  /** Who was on duty when the code was scanned: the rating is attributed to them. */
  staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
  /** Where the rating is given: the window's QR code, its rating device, … */
  channel: { type: String, enum: RATING_CHANNELS, default: 'QR' },
  /** A ticket for one served case (from the window's device or its rotating QR): binds the rating to it. */
  servedCase: { type: String, default: null },
  serviceItem: { type: Schema.Types.ObjectId, ref: 'ServiceItem', default: null },
  expiresAt: { type: Date, required: true },
});
ticketSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });

export type RatingTicket = InferSchemaType<typeof ticketSchema> & { _id: string };
export const RatingTicketModel = model('RatingTicket', ticketSchema, 'rating_tickets');

// A ticket's use, claimed by inserting its `_id` (the ticket's): an insert of a taken `_id` fails
// atomically on every engine, so a ticket is spent once without a conditional update (which the
// local engine could only answer by scanning every ticket ever issued).
const ticketUseSchema = new Schema({
  _id: { type: String }, // the ticket's _id
  /** The clientKey that consumed it: a resend of that same submission may pass again. */
  clientKey: { type: String, required: true },
  /** The ticket's expiry: the use is worth keeping only as long as the ticket. */
  expiresAt: { type: Date, required: true },
});
ticketUseSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
export const TicketUseModel = model('RatingTicketUse', ticketUseSchema, 'rating_ticket_uses');

// 一次一评 per case: a case number (办件编号) can be rated once. Its own collection because a
// unique index on an optional field would need a partial index, which the stand-in lacks.
const ratedCaseSchema = new Schema({
  _id: { type: String }, // the normalised case number
  clientKey: { type: String, required: true },
  at: { type: Date, required: true },
});
export const RatedCaseModel = model('RatedCase', ratedCaseSchema, 'rated_cases');
