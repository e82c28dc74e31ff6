// Benchmark: generating a bulletin over 1,000,000 ratings across 200 windows, timed against one
// raw aggregation over the same ratings, three times in a row (target ≤ 2× in every run), with
// the process's peak memory. Starts its own stand-in database (or uses MONGODB_URI) and a
// throwaway database on it. `npm run bench` runs it as a child process (--json).
//   npx tsx scripts/bench/bulletin.ts [ratings] [--json]
import { randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { generate } from '../../server/src/domains/bulletins/bulletin.service.js';
import { periodOf } from '../../server/src/domains/bulletins/period.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { TRACKING_PREFIXES } from '../../common/ids.js';
import { newTrackingCode } from '../../server/src/domains/complaints/complaint.codes.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { connectDb, disconnectDb } from '../../server/src/db.js';
import { periodKeys } from '../../common/periods.js';
import { startLocalDb } from '../db.js';
import { ratingDoc } from './bulk.js';
import { ROLE } from '../../common/roles.js';

const PERIOD = '2026-B5'; // September–October 2026
const WINDOWS = 200;
const DEPARTMENTS = 34;
const BATCH = 10_000;

export const BULLETIN_RUNS = 3;

export interface BulletinRun {
  generateMs: number;
  rawAggregationMs: number;
  ratio: number;
}

export interface BulletinBench {
  ratings: number;
  windows: number;
  runs: BulletinRun[];
  peakRssMb: number;
}

async function registry() {
  const departments = await DepartmentModel.insertMany(
    Array.from({ length: DEPARTMENTS }, (_, i) => ({
      code: `D${String(i + 1).padStart(2, '0')}`,
      name: `部门${i + 1}`,
      shortName: `部门${i + 1}`,
    })),
  );
  const windows = await WindowModel.insertMany(
    Array.from({ length: WINDOWS }, (_, i) => ({
      code: `W${String(i + 1).padStart(3, '0')}`,
      zone: 'W',
      number: i + 1,
      name: `窗口${i + 1}`,
      department: departments[i % DEPARTMENTS]!._id,
    })),
  );
  const staff = await StaffModel.insertMany(
    windows.flatMap((w, i) =>
      [0, 1].map((k) => ({ staffNo: `S${i * 2 + k + 1}`, name: `人员${i * 2 + k + 1}`, department: w.department })),
    ),
  );
  return windows.map((w, i) => ({
    window: w._id,
    department: w.department,
    staff: [staff[i * 2]!._id, staff[i * 2 + 1]!._id],
  }));
}

/** Ratings spread over the period's days and opening hours; about 3 % bad, which get follow-ups. */
async function insertRatings(total: number, seats: Awaited<ReturnType<typeof registry>>) {
  const { from } = periodOf(PERIOD);
  const start = new Date(`${from}T08:30:00+08:00`).getTime();
  const keys = new Map<number, ReturnType<typeof periodKeys>>();
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let done = 0; done < total; done += BATCH) {
    const ratings = [];
    const followUps = [];
    for (let i = done; i < Math.min(total, done + BATCH); i++) {
      const seat = seats[i % WINDOWS]!;
      const at = new Date(start + Math.floor(random() * 61) * 86_400_000 + Math.floor(random() * 8 * 60) * 60_000);
      const hourKey = Math.floor(at.getTime() / 3_600_000);
      if (!keys.has(hourKey)) keys.set(hourKey, periodKeys(at));
      const staff = seat.staff[i % 2]!;
      const doc = {
        _id: new Types.ObjectId(),
        ...ratingDoc(`bench-${i}`, { ...seat, staff }, at, random(), keys.get(hourKey)!, 'bench'),
      };
      ratings.push(doc);
      if (doc.negative) {
        followUps.push({
          rating: doc._id,
          window: doc.window,
          department: doc.department,
          staff: doc.staff,
          level: doc.level,
          ratedAt: at,
          bimonth: doc.bimonth,
          state: 'CLOSED',
          trackingCode: newTrackingCode(TRACKING_PREFIXES.ratingFix),
          dueAt: new Date(at.getTime() + 5 * 86_400_000),
          closedAt: new Date(at.getTime() + 86_400_000),
          onTime: true,
          timeline: [],
        });
      }
    }
    await RatingModel.collection.insertMany(ratings, { ordered: false });
    if (followUps.length) await FollowUpModel.collection.insertMany(followUps, { ordered: false });
  }
}

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

export async function benchBulletin(total = 1_000_000, log: (m: string) => void = () => {}): Promise<BulletinBench> {
  const db = await startLocalDb({ engine: process.env.MONGODB_URI ? undefined : 'standin', log });
  await connectDb(db.uri, { dbName: `bench_${randomBytes(4).toString('hex')}` });
  try {
    const seats = await registry();
    const loading = await time(() => insertRatings(total, seats));
    log(`inserted ${total} ratings across ${WINDOWS} windows in ${(loading / 1000).toFixed(1)} s`);
    const user = {
      id: new Types.ObjectId().toString(),
      username: 'bench',
      displayName: 'bench',
      role: ROLE.MANAGER,
      departmentId: null,
    };
    const raw = () =>
      RatingModel.aggregate([
        { $match: { counted: true, bimonth: PERIOD } },
        { $group: { _id: { window: '$window', level: '$level' }, n: { $sum: 1 } } },
      ]);
    const full = async () => {
      await BulletinModel.deleteMany({});
      await generate(user, periodOf(PERIOD));
    };
    // One warm-up of each (JIT on both sides), then the measured runs, each a pair.
    await raw();
    await full();
    const runs: BulletinRun[] = [];
    for (let i = 0; i < BULLETIN_RUNS; i++) {
      const rawAggregationMs = await time(raw);
      const generateMs = await time(full);
      runs.push({
        generateMs: Math.round(generateMs),
        rawAggregationMs: Math.round(rawAggregationMs),
        ratio: Math.round((generateMs / rawAggregationMs) * 100) / 100,
      });
      log(`run ${i + 1}: generate ${runs[i]!.generateMs} ms, raw $group ${runs[i]!.rawAggregationMs} ms`);
    }
    return { ratings: total, windows: WINDOWS, runs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    await mongoose.connection.dropDatabase().catch(() => {});
    await disconnectDb();
    await db.stop();
  }
}

if (process.argv[1] === import.meta.filename) {
  const json = process.argv.includes('--json');
  const total = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const r = await benchBulletin(total, (m) => console.log(`  ${m}`));
  if (json) console.log(`BENCH_RESULT ${JSON.stringify(r)}`);
  else {
    const ratios = r.runs.map((x) => x.ratio);
    console.log(
      `bulletin: ${r.ratings} ratings, ${r.windows} windows: ratio to one raw $group ${ratios.join(', ')} ` +
        `(min ${Math.min(...ratios)}, max ${Math.max(...ratios)}; target ≤ 2 in every run), peak RSS ${r.peakRssMb} MB`,
    );
  }
}
