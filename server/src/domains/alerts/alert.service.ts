import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { isDuplicateKey } from '../../db.js';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import type { Logger } from '../../lib/logger.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import type { alertFilter } from './alert.inputs.js';
import { AlertGateModel, AlertModel, type Alert } from './alert.model.js';
import { tell, text } from '../notifications/notification.service.js';
import { countAt, sums } from '../../lib/counters.js';
import type { Rating } from '../ratings/rating.model.js';
import type { RatingSettings } from '../ratings/rating.settings.js';

async function raise(
  doc: Omit<Alert, '_id' | 'state' | 'acknowledgedAt' | 'acknowledgedBy' | 'closedAt' | 'closedBy' | 'note'>,
) {
  try {
    const alert = await AlertModel.create(doc);
    await tell({
      key: `alert:${String(alert._id)}`,
      kind: 'ALERT',
      title: text('Live rating alert'),
      body:
        alert.rule === 'VERY_DISSATISFIED'
          ? text('A very dissatisfied rating came in')
          : text('The share of bad ratings passed the alert threshold'),
      link: `/admin/ratings?alert=${String(alert._id)}`,
      to: { capability: 'workFollowUps', department: alert.department },
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // already raised, by this or another instance
  }
}

/** True for the first caller in `minutes`, for a given key; atomic across app instances. */
async function passGate(key: string, minutes: number) {
  const now = new Date();
  // Most calls find the gate shut: an `_id` read answers them without a conditional update.
  const gate = await AlertGateModel.findById(key).lean<{ until: Date }>();
  if (gate && gate.until > now) return false;
  try {
    await AlertGateModel.findOneAndUpdate(
      { _id: key, until: trusted({ $lte: now }) },
      { until: new Date(now.getTime() + minutes * 60_000) },
      { upsert: true },
    );
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false; // the gate exists and is still shut
    throw err;
  }
}

// The alert rules' rolling counts per window, in one-minute slices kept for the longest window a
// setting allows (lib/counters.ts): a rating costs the same however many are stored.
const SLICE_SEC = 60;
const KEEP_SEC = 241 * 60;

/** Counted and bad ratings at the window within the last `minutes` (to the minute, a little more). */
async function recentAtWindow(rating: Rating, minutes: number) {
  const key = String(rating.window);
  const at = rating.createdAt.getTime();
  await Promise.all([
    countAt('alert_total', key, SLICE_SEC, at, KEEP_SEC),
    rating.negative ? countAt('alert_negative', key, SLICE_SEC, at, KEEP_SEC) : null,
  ]);
  if (!rating.negative) return null;
  const [total, negative] = await sums(['alert_total', 'alert_negative'], key, SLICE_SEC, minutes * 60, at);
  return { total: total!, negative: negative! };
}

/**
 * Counts every counted rating for the alert rules and checks them after a bad one: any 非常不满意,
 * and at one window a share of bad ratings at or above the threshold within the last minutes,
 * with enough ratings to mean it.
 */
export async function evaluateAlerts(rating: Rating, s: RatingSettings, logger: Logger) {
  if (!rating.counted) return;
  const base = { window: rating.window, department: rating.department, staff: rating.staff, createdAt: new Date() };
  try {
    const recent = await recentAtWindow(rating, s.alertWindowMinutes);
    if (!recent) return;
    if (s.alertOnVeryDissatisfied && rating.level === 'VERY_DISSATISFIED') {
      await raise({
        ...base,
        dedupeKey: `VD:${rating._id}`,
        rule: 'VERY_DISSATISFIED',
        rating: rating._id,
        total: 1,
        negative: 1,
        minutes: 0,
      });
    }
    const { total, negative } = recent;
    if (
      total >= s.alertMinRatings &&
      negative / total >= s.alertNegativeShare &&
      (await passGate(`NS:${rating.window}`, s.alertWindowMinutes))
    ) {
      await raise({
        ...base,
        dedupeKey: `NS:${rating._id}`,
        rule: 'NEGATIVE_SHARE',
        rating: null,
        total,
        negative,
        minutes: s.alertWindowMinutes,
      });
    }
  } catch (err) {
    // An alert is a convenience: failing to raise one must not fail the citizen's rating.
    logger.error({ err, rating: String(rating._id) }, 'alert evaluation failed');
  }
}

/** Alerts, newest first; a liaison's own department only. */
export function pageAlerts(user: SessionUser | null, f: z.output<typeof alertFilter>, page: number, pageSize: number) {
  const filter = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
    ...(f.state ? { state: f.state } : {}),
  };
  return paginate<Alert>(AlertModel, filter, { createdAt: -1 }, page, pageSize);
}

/** Someone is on it (ACKNOWLEDGED), or it is dealt with (CLOSED); atomic against a concurrent move. */
export async function moveAlert(user: SessionUser, id: string, to: 'ACKNOWLEDGED' | 'CLOSED', note?: string | null) {
  const alert = await AlertModel.findById(id).lean<Alert>();
  if (!alert) throw notFound('Alert');
  assertDepartment(user, alert.department, 'this alert');
  const from = to === 'ACKNOWLEDGED' ? ['OPEN'] : ['OPEN', 'ACKNOWLEDGED'];
  if (!from.includes(alert.state)) throw invalidState('The alert is already {{state}}', { state: alert.state });
  const stamp =
    to === 'ACKNOWLEDGED'
      ? { acknowledgedAt: new Date(), acknowledgedBy: user.displayName }
      : { closedAt: new Date(), closedBy: user.displayName };
  const updated = await AlertModel.findOneAndUpdate(
    { _id: alert._id, state: alert.state },
    { state: to, ...stamp, ...(note ? { note } : {}) },
    { new: true },
  ).lean<Alert>();
  if (!updated) throw invalidState('The alert changed meanwhile; reload and try again');
  return updated;
}
