import { trusted } from 'mongoose';
import { isDuplicateKey } from '../../db.js';
import type { Logger } from '../../lib/logger.js';
import { AlertGateModel, AlertModel, type Alert } from './alert.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import type { RatingSettings } from '../ratings/rating.settings.js';

async function raise(
  doc: Omit<Alert, '_id' | 'state' | 'acknowledgedAt' | 'acknowledgedBy' | 'closedAt' | 'closedBy' | 'note'>,
) {
  try {
    await AlertModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // already raised, by this or another instance
  }
}

/** True for the first caller in `minutes`, for a given key; atomic across app instances. */
async function passGate(key: string, minutes: number) {
  const now = new Date();
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

/**
 * Checks the alert rules after a counted bad rating: any 非常不满意, and at one window a share of
 * bad ratings at or above the threshold within the last minutes, with enough ratings to mean it.
 */
export async function evaluateAlerts(rating: Rating, s: RatingSettings, logger: Logger) {
  if (!rating.negative || !rating.counted) return;
  const base = { window: rating.window, department: rating.department, staff: rating.staff, createdAt: new Date() };
  try {
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
    const since = new Date(rating.createdAt.getTime() - s.alertWindowMinutes * 60_000);
    const recent = { window: rating.window, counted: true, createdAt: trusted({ $gt: since, $lte: rating.createdAt }) };
    const [total, negative] = await Promise.all([
      RatingModel.countDocuments(recent),
      RatingModel.countDocuments({ ...recent, negative: true }),
    ]);
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
