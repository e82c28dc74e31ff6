// Demo patrol history: about two months of rounds (four a working day, a few missed) with
// realistic findings, violations confirmed or dismissed, and one published notice for last
// month. Idempotent: a round that exists (date + slot) is left alone, and so is a notice for the
// same period; randomness is seeded by the date, so every run plans the same history.
import { Types } from 'mongoose';
import type { SessionUser } from '../../server/src/graphql/context.js';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { isWorkingDay } from '../../server/src/domains/calendar/calendar.service.js';
import { ensureDefaultRulebook } from '../../server/src/domains/inspections/checklist.service.js';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { inspectionSettings } from '../../server/src/domains/inspections/inspection.settings.js';
import { RoundModel, type Round } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { raiseViolations } from '../../server/src/domains/inspections/violation.service.js';
import { NoticeModel } from '../../server/src/domains/notices/notice.model.js';
import { approve, createDraft, publish } from '../../server/src/domains/notices/notice.service.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { localDate, localInstant } from '../../common/time.js';

const DAYS = 60;
const MIN = 60_000;
const CHECKS = ['UNIFORM', 'PHONE', 'EATING', 'CHATTING', 'ATTITUDE', 'DESK', 'ORDER'];
const CHECK_WEIGHTS = [3, 4, 2, 3, 1, 3, 2];
const AWAY_REASONS = ['去后台取资料', '陪同群众到综合窗口', '参加部门会议', '去洗手间'];
const DISMISS_REASONS = ['经核实为临时离开且已报备', '照片不能证明，证据不足'];

/** A small deterministic generator (mulberry32) per day, so runs agree. */
function rng(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(r: number) {
  const total = CHECK_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (const [i, w] of CHECK_WEIGHTS.entries()) if ((x -= w) < 0) return CHECKS[i]!;
  return CHECKS[0]!;
}

async function seatsNow() {
  const windows = await WindowModel.find({ active: true }).sort({ code: 1 }).lean();
  const duties = await DutyModel.find({ to: null }).lean();
  const staffOf = new Map(duties.map((d) => [String(d.window), d.staff]));
  return windows.map((w) => ({ window: w._id, department: w.department, staff: staffOf.get(String(w._id)) ?? null }));
}

type Seat = Awaited<ReturnType<typeof seatsNow>>[number];

function findingsFor(round: Round, seats: Seat[], random: () => number, inspector: Types.ObjectId, forced: number) {
  return seats.map((s, i) => {
    const observedAt = new Date(round.startedAt!.getTime() + i * 20_000);
    const r = random();
    // Mostly on post; away with a reason now and then; a breach about once a working day.
    const presence = r < 0.0008 ? 'ABSENT' : r < 0.002 ? 'AWAY' : r < 0.03 ? 'AWAY' : 'ON_POST';
    const reason = presence === 'AWAY' && r >= 0.002 ? AWAY_REASONS[Math.floor(random() * AWAY_REASONS.length)]! : '';
    const chance = random();
    const fails = i === forced ? ['PHONE'] : chance < 0.0015 ? [weighted(random())] : [];
    return {
      round: round._id,
      window: s.window,
      department: s.department,
      observedAt,
      marks: s.staff ? [{ staff: s.staff, presence, reason }] : [],
      failures: fails.map((code) => ({ code, staff: s.staff })),
      photos: [],
      note: fails.length ? '巡查发现，已当场提醒' : '',
      clientKey: `seed-${String(round._id)}-${i}`,
      seq: 1,
      savedBy: inspector,
      submitted: true,
    };
  });
}

async function seedRound(
  date: string,
  slot: number,
  time: string,
  ctx: { seats: Seat[]; inspector: SessionUser; dueMinutes: number; forced: number },
) {
  const random = rng(`${date}#${slot}`);
  const plannedAt = localInstant(date, time);
  const base = {
    date,
    slot: `S${slot + 1}`,
    kind: 'SCHEDULED' as const,
    plannedAt,
    dueAt: new Date(plannedAt.getTime() + ctx.dueMinutes * MIN),
  };
  if (random() < 0.03 && ctx.forced < 0) return RoundModel.create(base); // missed: nobody went
  const startedAt = new Date(plannedAt.getTime() + Math.floor(random() * 10) * MIN);
  const inspector = new Types.ObjectId(ctx.inspector.id);
  const round = (
    await RoundModel.create({
      ...base,
      status: 'SUBMITTED',
      inspector,
      inspectorName: ctx.inspector.displayName,
      startedAt,
      submittedAt: new Date(startedAt.getTime() + (25 + Math.floor(random() * 20)) * MIN),
      violationsRaised: true,
    })
  ).toObject<Round>();
  await FindingModel.insertMany(findingsFor(round, ctx.seats, random, inspector, ctx.forced));
  await raiseViolations(round);
}

/** Older violations have been decided: most confirmed, some dismissed; the last week waits. */
async function decideOld(manager: SessionUser) {
  const cutoff = new Date(Date.now() - 7 * 86_400_000);
  const pending = await ViolationModel.find({ status: 'PENDING' }).lean();
  for (const v of pending.filter((x) => x.observedAt < cutoff)) {
    const dismiss = rng(String(v._id))() < 0.2 && v.code !== 'PHONE';
    await ViolationModel.updateOne(
      { _id: v._id, status: 'PENDING' },
      {
        status: dismiss ? 'DISMISSED' : 'CONFIRMED',
        reason: dismiss ? DISMISS_REASONS[v.code.length % 2]! : '',
        decidedBy: manager.id,
        decidedAt: new Date(v.observedAt.getTime() + 86_400_000),
      },
    );
  }
}

async function seedNotice(manager: SessionUser) {
  const today = new Date(`${localDate(new Date())}T00:00:00Z`);
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)).toISOString().slice(0, 10);
  if (await NoticeModel.exists({ periodFrom: from, periodTo: to })) return null;
  const departmentIds = (await DepartmentModel.find().lean()).map((d) => String(d._id));
  const draft = await createDraft(manager, { periodFrom: from, periodTo: to, departmentIds }).catch(() => null);
  if (!draft) return null;
  await approve(manager, String(draft._id));
  return publish(manager, String(draft._id));
}

const asSession = (u: { _id: unknown; username: string; displayName: string; role: string }): SessionUser => ({
  id: String(u._id),
  username: u.username,
  displayName: u.displayName,
  role: u.role as SessionUser['role'],
  departmentId: null,
});

export async function seedInspections(log: (m: string) => void = () => {}) {
  await ensureDefaultRulebook();
  const [inspectorDoc, managerDoc] = await Promise.all([
    UserModel.findOne({ username: 'inspector' }).lean(),
    UserModel.findOne({ username: 'manager' }).lean(),
  ]);
  if (!inspectorDoc || !managerDoc) return;
  const [inspector, manager] = [asSession(inspectorDoc), asSession(managerDoc)];
  const { roundTimes, dueMinutes } = await inspectionSettings.get();
  const seats = await seatsNow();
  const gsj = await DepartmentModel.findOne({ code: 'GSJ' }).lean();
  const liaisonSeat = seats.findIndex((s) => String(s.department) === String(gsj?._id));
  const existing = new Set(
    (await RoundModel.find().select({ date: 1, slot: 1 }).lean()).map((r) => `${r.date}#${r.slot}`),
  );
  let created = 0;
  let firstOfLastMonth = true;
  const lastMonth = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1).toISOString().slice(0, 7);
  for (let d = DAYS; d >= 1; d--) {
    const date = localDate(new Date(Date.now() - d * 86_400_000));
    if (!(await isWorkingDay(date))) continue;
    for (const [slot, time] of roundTimes.entries()) {
      // The liaison's department (the first windows) gets at least one finding in last month.
      const forced = firstOfLastMonth && date.startsWith(lastMonth) && slot === 1 ? liaisonSeat : -1;
      if (forced >= 0) firstOfLastMonth = false;
      if (existing.has(`${date}#S${slot + 1}`)) continue;
      await seedRound(date, slot, time, { seats, inspector, dueMinutes, forced });
      created++;
    }
  }
  await decideOld(manager);
  const notice = await seedNotice(manager);
  log(
    `inspections: ${created} rounds added, ${await ViolationModel.countDocuments()} violations${notice ? `, notice ${notice.number}` : ''}`,
  );
}
