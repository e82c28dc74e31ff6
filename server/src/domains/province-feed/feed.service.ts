import { trusted } from 'mongoose';
import { RATING_LEVELS } from '../../../../common/ratings.js';
import { addDays, localDate } from '../../../../common/time.js';
import { enqueue, type Channel } from '../../lib/outbox/outbox.js';
import { OutboxModel, type OutboxMessage } from '../../lib/outbox/outbox.model.js';
import { signature } from '../../lib/outbox/webhook.js';
import { DepartmentModel } from '../departments/department.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import { ratingSettings } from '../ratings/rating.settings.js';
import { ServiceItemModel, type ServiceItem } from '../service-items/service-item.model.js';
import { WindowModel } from '../windows/window.model.js';
import { feedRecord, renamed } from './feed.record.js';
import { ProvinceAckModel } from './feed.model.js';
import { provinceFeedSettings, type ProvinceFeedSettings } from './feed.settings.js';

// The provincial 好差评 feed: every counted rating, from the start date on, is queued in the
// outbox (one message per rating, so it is pushed once however often it is queued) and pushed to
// the province's receiver, retried with backoff. A daily pass queues what the push missed (a
// suspect rating reviewed as genuine, a crash between the rating and its message) and the
// reconciliation compares ratings stored with those the receiver acknowledged.

export const PROVINCE_CHANNEL = 'province';

const fedFrom = (s: ProvinceFeedSettings) => s.startDate || localDate(new Date());

/** Queues one rating for the province, if the feed is on and the rating counts. */
export async function queueForProvince(rating: Pick<Rating, '_id' | 'counted' | 'day'>) {
  const s = await provinceFeedSettings.get();
  if (!s.enabled || !rating.counted || rating.day < fedFrom(s)) return false;
  return enqueue(PROVINCE_CHANNEL, String(rating._id), { day: rating.day });
}

/** The record of one rating in the province's shape (field names and codes from the settings). */
export async function provinceRecordsOf(ratings: Rating[], s: ProvinceFeedSettings) {
  const ids = (key: 'window' | 'department' | 'serviceItem') => [
    ...new Set(ratings.map((r) => r[key]).filter((x) => x !== null && x !== undefined)),
  ];
  const [windows, depts, items, rs] = await Promise.all([
    WindowModel.find({ _id: trusted({ $in: ids('window') }) }, { code: 1 }).lean(),
    DepartmentModel.find({ _id: trusted({ $in: ids('department') }) }, { name: 1 }).lean(),
    ServiceItemModel.find({ _id: trusted({ $in: ids('serviceItem') }) }).lean<ServiceItem[]>(),
    ratingSettings.get(),
  ]);
  const code = new Map(windows.map((w) => [String(w._id), w.code]));
  const dept = new Map(depts.map((d) => [String(d._id), d.name]));
  const item = new Map(items.map((i) => [String(i._id), i]));
  const tags = new Map([...rs.negativeTags, ...rs.positiveTags].map((t) => [t.code, t.zh]));
  return ratings.map((r) =>
    renamed(
      feedRecord(
        {
          rating: r,
          windowCode: code.get(String(r.window)) ?? '',
          departmentName: dept.get(String(r.department)) ?? '',
          item: r.serviceItem ? (item.get(String(r.serviceItem)) ?? null) : null,
          tagNames: (c) => tags.get(c) ?? c,
        },
        s.levelCodes as Record<(typeof RATING_LEVELS)[number], string>,
      ),
      s.fieldNames as Parameters<typeof renamed>[1],
    ),
  );
}

const TIMEOUT_MS = 10_000;

/** The outbox channel that pushes one rating's record, signed as the webhooks are, and notes the ack. */
export function provinceChannel(): Channel {
  return {
    maxAttempts: 12,
    async send(m: OutboxMessage) {
      const s = await provinceFeedSettings.get();
      if (!s.url) throw new Error('未配置省级好差评系统接收地址');
      const rating = await RatingModel.findById(m.eventKey).lean<Rating>();
      // Excluded since it was queued (an upheld appeal): the province's figures must not count it.
      if (!rating?.counted) return;
      const [record] = await provinceRecordsOf([rating], s);
      const body = JSON.stringify({ records: [record] });
      const res = await fetch(s.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-wfp-event-id': m.eventKey,
          'x-wfp-signature': signature(s.secret, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`省级系统返回 HTTP ${res.status}`);
      await ProvinceAckModel.updateOne(
        { _id: m.eventKey },
        { $setOnInsert: { day: rating.day, at: new Date() } },
        { upsert: true },
      );
    },
  };
}

/** Local dates from `from` to `to`, inclusive (at most a year). */
function daysOf(from: string, to: string) {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 366; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Queues every counted rating of the days that the receiver has not acknowledged and that is not
 * yet queued, and gives failed ones another try. Returns how many it queued or retried.
 */
export async function catchUp(from: string, to: string) {
  const s = await provinceFeedSettings.get();
  if (!s.enabled) return 0;
  const start = from < fedFrom(s) ? fedFrom(s) : from;
  if (start > to) return 0;
  const range = { day: trusted({ $gte: start, $lte: to }) };
  const [ratings, acks] = await Promise.all([
    RatingModel.find({ counted: true, ...range }, { _id: 1, day: 1 }).lean(),
    ProvinceAckModel.find(range, { _id: 1 }).lean(),
  ]);
  const acked = new Set(acks.map((a) => String(a._id)));
  let queued = 0;
  for (const r of ratings) {
    if (acked.has(String(r._id))) continue;
    if (await enqueue(PROVINCE_CHANNEL, String(r._id), { day: r.day })) queued++;
    else {
      // Withheld when it was sent (not counted then), counted again since: push it after all.
      const reopened = await OutboxModel.updateOne(
        { _id: `${PROVINCE_CHANNEL}:${String(r._id)}`, state: 'DELIVERED' },
        { $set: { state: 'PENDING', nextAttemptAt: new Date() } },
      );
      queued += reopened.modifiedCount;
    }
  }
  const retried = await OutboxModel.updateMany(
    { channel: PROVINCE_CHANNEL, state: 'FAILED', 'payload.day': trusted({ $gte: start, $lte: to }) },
    { $set: { state: 'PENDING', nextAttemptAt: new Date() } },
  );
  return queued + retried.modifiedCount;
}

export interface ReconciliationDay {
  day: string;
  stored: number;
  acknowledged: number;
  pending: number;
  failed: number;
}

/** Per day: ratings stored (counted, fed) against those acknowledged, and what is pending or failed. */
export async function reconcile(from: string, to: string) {
  const s = await provinceFeedSettings.get();
  const days = daysOf(from, to);
  const range = { day: trusted({ $gte: from, $lte: to }) };
  const [stored, acked, open] = await Promise.all([
    RatingModel.aggregate<{ _id: string; n: number }>([
      { $match: { counted: true, ...range } },
      { $group: { _id: '$day', n: { $sum: 1 } } },
    ]),
    ProvinceAckModel.aggregate<{ _id: string; n: number }>([
      { $match: range },
      { $group: { _id: '$day', n: { $sum: 1 } } },
    ]),
    OutboxModel.find({
      channel: PROVINCE_CHANNEL,
      state: trusted({ $in: ['PENDING', 'FAILED'] }),
      'payload.day': trusted({ $gte: from, $lte: to }),
    }).lean<OutboxMessage[]>(),
  ]);
  const count = (rows: Array<{ _id: string; n: number }>) => new Map(rows.map((r) => [r._id, r.n]));
  const st = count(stored);
  const ack = count(acked);
  const start = fedFrom(s);
  const rows: ReconciliationDay[] = days.map((day) => {
    const mine = open.filter((m) => (m.payload as { day: string }).day === day);
    return {
      day,
      // Days before the feed's start are not owed to the province.
      stored: day < start ? 0 : (st.get(day) ?? 0),
      acknowledged: ack.get(day) ?? 0,
      pending: mine.filter((m) => m.state === 'PENDING').length,
      failed: mine.filter((m) => m.state === 'FAILED').length,
    };
  });
  const failures = open
    .filter((m) => m.state === 'FAILED' || m.attempts > 0)
    .slice(0, 50)
    .map((m) => ({
      recordId: m.eventKey,
      day: (m.payload as { day: string }).day,
      state: m.state,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: m.nextAttemptAt,
    }));
  return { startDate: start, enabled: s.enabled, days: rows, failures };
}

/** The daily pass: yesterday and today, caught up (every instance may run it: the outbox dedupes). */
export async function dailyCatchUp(now = new Date()) {
  const today = localDate(now);
  return catchUp(addDays(today, -1), today);
}
