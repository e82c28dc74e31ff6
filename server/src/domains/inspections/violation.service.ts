import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can, isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment } from '../accounts/access.js';
import { ABSENT, AWAY } from './checklist.defaults.js';
import { rulesByCode } from './checklist.service.js';
import { FindingModel, type Finding } from './finding.model.js';
import type { Round } from './round.model.js';
import { repairSubmissions } from './round-run.service.js';
import type { violationFilter } from './inspection.inputs.js';
import { ViolationModel, type Violation } from './violation.model.js';
import { endOfLocalDay, localInstant } from '../../../../common/time.js';

type Breach = { code: string; staff: Types.ObjectId | null };

/** What a finding breaks: away without a reason, absent, and every failed checklist item. */
function breachesOf(f: Finding): Breach[] {
  const presence = f.marks.flatMap((m): Breach[] => {
    if (m.presence === 'ABSENT') return [{ code: ABSENT, staff: m.staff }];
    if (m.presence === 'AWAY' && !m.reason) return [{ code: AWAY, staff: m.staff }];
    return [];
  });
  return [...presence, ...f.failures.map((x) => ({ code: x.code, staff: x.staff ?? null }))];
}

/** Raises a submitted round's violations; idempotent through the (finding, code, staff) index. */
export async function raiseViolations(round: Round) {
  const [findings, rules] = await Promise.all([
    FindingModel.find({ round: round._id }).lean<Finding[]>(),
    rulesByCode(),
  ]);
  const ops = findings.flatMap((f) =>
    breachesOf(f).flatMap(({ code, staff }) => {
      const rule = rules.get(code);
      if (!rule?.active) return [];
      const row = {
        round: round._id,
        finding: f._id,
        window: f.window,
        department: f.department,
        staff,
        code,
        label: rule.label,
        points: rule.points,
        observedAt: f.observedAt,
        photos: f.photos,
        note: f.note,
        raisedBy: f.savedBy,
      };
      return [{ updateOne: { filter: { finding: f._id, code, staff }, update: { $setOnInsert: row }, upsert: true } }];
    }),
  );
  if (ops.length) await ViolationModel.bulkWrite(ops, { ordered: false });
  return ops.length;
}

type ViolationFilter = z.output<typeof violationFilter>;

/** How many violations each round raised (any status), in the rounds' order (a dataloader's answer). */
export async function violationCounts(roundIds: readonly string[]) {
  const rows = await ViolationModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { round: { $in: roundIds.map((id) => new Types.ObjectId(id)) } } },
    { $group: { _id: '$round', n: { $sum: 1 } } },
  ]);
  const by = new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  return roundIds.map((id) => by.get(id) ?? 0);
}

/**
 * Who sees which violations: managers all; an inspector those it raised; a liaison only its own
 * department's confirmed ones (pending and dismissed ones are internal to the center).
 */
export function violationScope(user: SessionUser) {
  if (isLiaison(user.role)) return { department: new Types.ObjectId(user.departmentId!), status: 'CONFIRMED' };
  if (can(user.role, 'decideViolations')) return {};
  return { raisedBy: new Types.ObjectId(user.id) };
}

function filterFor(user: SessionUser, f: ViolationFilter) {
  const observedAt = {
    ...(f.from ? { $gte: localInstant(f.from, '00:00') } : {}),
    ...(f.to ? { $lte: endOfLocalDay(f.to) } : {}),
  };
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...(f.roundId ? { round: new Types.ObjectId(f.roundId) } : {}),
    ...(f.from || f.to ? { observedAt: trusted(observedAt) } : {}),
    ...violationScope(user),
  };
}

/** The list, newest first; rounds a crash left half-submitted are finished first, so none is missing. */
export async function pageViolations(user: SessionUser, f: ViolationFilter, page: number, pageSize: number) {
  await repairSubmissions();
  return paginate<Violation>(ViolationModel, filterFor(user, f), { observedAt: -1, _id: 1 }, page, pageSize);
}

export async function getViolation(user: SessionUser, id: string) {
  const v = await ViolationModel.findById(id).lean<Violation>();
  if (!v) throw notFound('Violation');
  assertDepartment(user, v.department, 'this violation');
  const own = violationScope(user);
  if (own.raisedBy && String(v.raisedBy) !== user.id) throw forbidden('this violation');
  if (own.status && v.status !== own.status) throw notFound('Violation');
  return v;
}

/** Confirms or dismisses a pending violation; a dismissal needs a reason. */
export async function decideViolation(
  user: SessionUser,
  id: string,
  decision: 'CONFIRMED' | 'DISMISSED',
  reason?: string | null,
) {
  if (decision === 'DISMISSED' && !reason) throw validationFailed([{ path: 'reason', message: 'required to dismiss' }]);
  const doc = await ViolationModel.findOneAndUpdate(
    { _id: id, status: 'PENDING' },
    { status: decision, reason: reason ?? '', decidedBy: user.id, decidedAt: new Date() },
    { new: true },
  ).lean<Violation>();
  if (doc) return doc;
  const v = await ViolationModel.findById(id).lean<Violation>();
  if (!v) throw notFound('Violation');
  throw invalidState('The violation is already {{state}}', { state: v.status });
}
