// Demo ratings for the last months: a realistic, reproducible mix (mostly good, a few bad, some
// windows weaker than others), their follow-ups in every state, and a few alerts. Every record
// has a natural key (clientKey, rating, dedupeKey), so seeding again adds nothing.
import type { Types } from 'mongoose';
import { addWorkingDays, isWorkingDay } from '../../server/src/domains/calendar/calendar.service.js';
import { AlertModel } from '../../server/src/domains/alerts/alert.model.js';
import { TRACKING_PREFIXES } from '../../common/ids.js';
import { newTrackingCode } from '../../server/src/domains/complaints/complaint.codes.js';
import { publishFix } from '../../server/src/domains/follow-ups/fix-board.service.js';
import { FollowUpModel, type FollowUp } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { periodKeys } from '../../common/periods.js';
import { localDate, startOfLocalDay } from '../../common/time.js';
import { isBad, isGood, type RatingLevel } from '../../common/ratings.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  '等了快一个小时才办上',
  '材料清单没有一次说清楚，跑了两趟',
  '工作人员态度比较冷淡',
  '系统老是卡，效率太低',
  '让我去别的窗口问，来回推',
];
const TAGS_FOR = ['LONG_WAIT', 'NOT_TOLD_AT_ONCE', 'ATTITUDE', 'SLOW', 'PASSED_ON'];

/** Level by a window's quality (0 good … 1 weak): mostly 非常满意/满意, bad ones rare. */
function pickLevel(r: number, quality: number): RatingLevel {
  const bad = 0.015 + quality * 0.08;
  const basic = 0.06 + quality * 0.1;
  if (r < bad * 0.35) return 'VERY_DISSATISFIED';
  if (r < bad) return 'DISSATISFIED';
  if (r < bad + basic) return 'BASIC';
  return r < bad + basic + 0.33 ? 'SATISFIED' : 'VERY_SATISFIED';
}

const OPENING_MINUTES = [
  ...Array.from({ length: 210 }, (_, i) => 510 + i),
  ...Array.from({ length: 180 }, (_, i) => 870 + i),
]; // 8:30–12:00, 14:30–17:30

export async function seedRatings(days: number, actor: { id: Types.ObjectId; name: string }, now = new Date()) {
  const windows = await WindowModel.find({ active: true }).sort({ code: 1 }).lean();
  const duties = await DutyModel.find({ to: null }).lean();
  const staffOf = new Map(duties.map((d) => [String(d.window), d.staff]));
  const rows: Array<Record<string, unknown>> = [];
  for (let back = days; back >= 1; back--) {
    const day = localDate(new Date(now.getTime() - back * 86_400_000));
    if (!(await isWorkingDay(day))) continue;
    const dayStart = startOfLocalDay(day).getTime();
    windows.forEach((w, wi) => {
      const rand = prng(Number(day.replaceAll('-', '')) * 131 + wi);
      const quality = (wi * 37) % 11 === 0 ? 0.9 : ((wi * 17) % 7) / 10;
      const count = Math.floor(rand() * 7);
      for (let i = 0; i < count; i++) {
        const at = new Date(
          dayStart +
            OPENING_MINUTES[Math.floor(rand() * OPENING_MINUTES.length)]! * 60_000 +
            Math.floor(rand() * 60_000),
        );
        const level = pickLevel(rand(), quality);
        const negative = isBad(level);
        rows.push({
          clientKey: `seed-${day}-${w.code}-${i}`,
          window: w._id,
          department: w.department,
          staff: staffOf.get(String(w._id)) ?? null,
          level,
          negative,
          good: isGood(level),
          tags: negative ? [TAGS_FOR[Math.floor(rand() * TAGS_FOR.length)]!] : [],
          comment: negative && rand() < 0.6 ? COMMENTS[Math.floor(rand() * COMMENTS.length)]! : '',
          caseNumber: null,
          channel: 'QR',
          servedCase: null,
          serviceItem: null,
          ratingSeq: 1,
          regionCode: '',
          staffAskedForGood: null,
          callbackPhone: negative && rand() < 0.5 ? `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
          ipHash: 'seed',
          createdAt: at,
          ...periodKeys(at),
          suspect: false,
          suspectReason: null,
          excluded: false,
          counted: true,
        });
      }
    });
  }
  for (let i = 0; i < rows.length; i += 2000) {
    await RatingModel.bulkWrite(
      rows.slice(i, i + 2000).map((doc) => ({
        updateOne: { filter: { clientKey: doc.clientKey }, update: { $setOnInsert: doc }, upsert: true },
      })),
      { ordered: false },
    );
  }
  const followUps = await seedFollowUps(now, actor);
  return { ratings: rows.length, followUps };
}

/** Follow-ups of the seeded bad ratings: old ones mostly closed (a few late or excluded), recent ones in progress. */
async function seedFollowUps(now: Date, actor: { id: Types.ObjectId; name: string }) {
  const s = await ratingSettings.get();
  const bad = await RatingModel.find({ negative: true, ipHash: 'seed' }).sort({ createdAt: 1 }).lean<Rating[]>();
  const ops = [];
  for (const [i, r] of bad.entries()) {
    const dueAt = await addWorkingDays(r.createdAt, s.followUpDays);
    const ageDays = (now.getTime() - r.createdAt.getTime()) / 86_400_000;
    const rand = prng(i + 7);
    const state =
      ageDays > 12
        ? rand() < 0.06
          ? 'EXCLUDED'
          : 'CLOSED'
        : (['OPEN', 'VERIFIED', 'RECTIFIED', 'CALLED_BACK'] as const)[i % 4]!;
    const late = rand() < 0.12;
    const closedAt =
      state === 'CLOSED'
        ? new Date(late ? dueAt.getTime() + 86_400_000 * 2 : r.createdAt.getTime() + 86_400_000 * (1 + rand() * 3))
        : null;
    const who = { by: actor.id, byName: actor.name, note: '' };
    const steps = ['verify', 'rectify', 'callBack', 'close'].slice(
      0,
      { OPEN: 0, VERIFIED: 1, RECTIFIED: 2, CALLED_BACK: 3, CLOSED: 4, EXCLUDED: 0 }[state],
    );
    const states = ['OPEN', 'VERIFIED', 'RECTIFIED', 'CALLED_BACK', 'CLOSED'];
    ops.push({
      updateOne: {
        filter: { rating: r._id },
        update: {
          $setOnInsert: {
            rating: r._id,
            trackingCode: newTrackingCode(TRACKING_PREFIXES.ratingFix),
            window: r.window,
            department: r.department,
            staff: r.staff,
            level: r.level,
            ratedAt: r.createdAt,
            bimonth: r.bimonth,
            state,
            dueAt,
            finding: steps.length ? '经调取窗口视频核实，情况基本属实' : '',
            responsible: steps.length ? '当班窗口人员' : '',
            action: steps.length > 1 ? '已对当事人批评教育，并优化一次性告知清单' : '',
            callbackOutcome: steps.length > 2 ? (r.callbackPhone ? 'SATISFIED' : 'NO_CONTACT') : null,
            appealReason: state === 'EXCLUDED' ? '评价人未在该窗口办理业务，属误评' : '',
            decisionReason: state === 'EXCLUDED' ? '经核实监控录像，同意剔除' : '',
            resolution: state === 'CLOSED' ? 'RESOLVED' : null,
            publicResult: state === 'CLOSED' ? '已对窗口人员批评教育，并在窗口公示一次性告知清单' : '',
            closedAt,
            onTime: closedAt ? closedAt <= dueAt : null,
            timeline: steps.map((action, k) => ({
              ...who,
              at: new Date(r.createdAt.getTime() + (k + 1) * 3600_000 * 6),
              action,
              from: states[k],
              to: states[k + 1],
            })),
          },
        },
        upsert: true,
      },
    });
    if (state === 'EXCLUDED') await RatingModel.updateOne({ _id: r._id }, { excluded: true, counted: false });
  }
  if (ops.length) await FollowUpModel.bulkWrite(ops as never, { ordered: false });
  // 您说，我们改 on the public pages: the latest fixes, as closing them would have listed them.
  const fixed = await FollowUpModel.find({ state: 'CLOSED' }).sort({ closedAt: -1 }).limit(10).lean<FollowUp[]>();
  for (const f of fixed.reverse()) await publishFix(f);
  await seedAlerts(bad.filter((r) => r.level === 'VERY_DISSATISFIED').slice(-3));
  return ops.length;
}

/** The last few very unhappy ratings as alerts: the newest still open, older ones handled. */
async function seedAlerts(recent: Rating[]) {
  for (const [i, r] of recent.entries()) {
    const open = i === recent.length - 1;
    await AlertModel.updateOne(
      { dedupeKey: `VD:${r._id}` },
      {
        $setOnInsert: {
          rule: 'VERY_DISSATISFIED',
          window: r.window,
          department: r.department,
          staff: r.staff,
          rating: r._id,
          total: 1,
          negative: 1,
          minutes: 0,
          createdAt: r.createdAt,
          state: open ? 'OPEN' : 'CLOSED',
          closedAt: open ? null : r.createdAt,
          closedBy: open ? null : '中心管理员',
        },
      },
      { upsert: true },
    );
  }
}
