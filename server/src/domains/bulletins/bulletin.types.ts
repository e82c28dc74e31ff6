import { builder } from '../../graphql/builder.js';
import { BULLETIN_STATUSES, type Bulletin, type BulletinReceipt } from './bulletin.model.js';
import { COUNT_KEYS, RATE_KEYS } from './metrics/figures.js';
import { LEVELS } from './metrics/units.js';
import { PERIOD_KINDS, type Period } from './period.js';
import { GRADES, type Parts } from './scoring.js';
import type { Snapshot, SnapshotRow } from './snapshot.js';

// GraphQL shapes of a bulletin's snapshot. Figures are plain numbers copied from the snapshot;
// names are the ones stored at generation, so a published bulletin reads as it was issued.

export const BulletinStatus = builder.enumType('BulletinStatus', { values: BULLETIN_STATUSES });
export const BulletinGrade = builder.enumType('BulletinGrade', {
  values: { PASS: { description: '合格' }, BASIC_PASS: { description: '基本合格' }, FAIL: { description: '不合格' } },
});
const Level = builder.enumType('BulletinLevel', { values: LEVELS });
const Kind = builder.enumType('PeriodKind', { values: PERIOD_KINDS });

export const PeriodRef = builder
  .objectRef<Pick<Period, 'key' | 'label' | 'from' | 'to'> & { kind?: Period['kind'] }>('BulletinPeriod')
  .implement({
    fields: (t) => ({
      kind: t.field({ type: Kind, nullable: true, resolve: (p) => p.kind ?? null }),
      key: t.exposeString('key', { description: '2026-B6, 2026-H2, 2026 or 2026-03-02~2026-03-20' }),
      label: t.exposeString('label'),
      from: t.exposeString('from'),
      to: t.exposeString('to'),
    }),
  });

type Counts = Record<(typeof COUNT_KEYS)[number], number>;
type Rates = Record<(typeof RATE_KEYS)[number], number | null>;

const COUNT_DOC: Record<string, string> = {
  followUps: '差评 follow-ups due (excluded aside)',
  followUpsLate: 'closed late or overdue',
  followUpsResolved: '办结（已解决）',
  followUpsUnresolved: '办结（未解决）: closed by a manager with a reason, reported apart',
  upheld: '有效投诉: accepted by the center',
  repliesDue: 'replies given or overdue',
  points: 'Σ points of confirmed violations',
  present: 'on post or excused, as patrols saw',
  accepted: '受理',
  completed: '办结',
  casesOnTime: '按时办结',
  overdue: '超期',
};

/** The counts and rates every figure row and the center totals share. */
const Figures = builder.interfaceRef<Counts & Rates>('BulletinFigures').implement({
  fields: (t) => ({
    ...Object.fromEntries(
      COUNT_KEYS.map((k) => [
        k,
        // A snapshot stored before a count existed reads it as 0 (e.g. followUpsUnresolved).
        k === 'points'
          ? t.exposeFloat(k, { description: COUNT_DOC[k] })
          : t.int({ description: COUNT_DOC[k], resolve: (c) => c[k] ?? 0 }),
      ]),
    ),
    ...Object.fromEntries(RATE_KEYS.map((k) => [k, t.exposeFloat(k, { nullable: true })])),
  }),
});

const PartsRef = builder.objectRef<Parts>('BulletinScoreParts').implement({
  description: 'Each part of the score, 0–100; null when the unit has no data for it',
  fields: (t) => ({
    ratings: t.exposeFloat('ratings', { nullable: true }),
    attendance: t.exposeFloat('attendance', { nullable: true }),
    inspections: t.exposeFloat('inspections'),
    complaints: t.exposeFloat('complaints'),
    cases: t.exposeFloat('cases', { nullable: true }),
  }),
});

export const RowRef = builder.objectRef<SnapshotRow>('BulletinRow').implement({
  description: 'One department, window or staff member in a bulletin',
  interfaces: [Figures],
  fields: (t) => ({
    level: t.field({ type: Level, resolve: (r) => r.level }),
    id: t.exposeID('id'),
    departmentId: t.exposeID('departmentId'),
    departmentName: t.exposeString('departmentName'),
    departmentShort: t.exposeString('departmentShort'),
    windowCode: t.exposeString('windowCode', { nullable: true }),
    windowName: t.exposeString('windowName', { nullable: true }),
    staffName: t.exposeString('staffName', { nullable: true }),
    staffNo: t.exposeString('staffNo', { nullable: true }),
    parts: t.field({ type: PartsRef, resolve: (r) => r.parts }),
    base: t.exposeFloat('base', { nullable: true, description: 'Weighted score before bonus' }),
    bonus: t.exposeFloat('bonus'),
    score: t.exposeFloat('score', {
      nullable: true,
      description: 'Null: no ratings, patrol observations or cases to score',
    }),
    grade: t.field({ type: BulletinGrade, nullable: true, resolve: (r) => r.grade }),
    rank: t.exposeInt('rank', { nullable: true, description: 'Equal scores share a rank (1, 2, 2, 4)' }),
    previousScore: t.exposeFloat('previousScore', { nullable: true }),
    previousRank: t.exposeInt('previousRank', { nullable: true }),
    rankChange: t.exposeInt('rankChange', { nullable: true, description: 'Places up since the previous period' }),
    bottom: t.exposeBoolean('bottom', { description: 'In the bottom N this period' }),
    escalated: t.exposeBoolean('escalated', { description: 'A window in the bottom N two periods running' }),
    smileStar: t.exposeBoolean('smileStar'),
  }),
});

export const CenterRef = builder.objectRef<Snapshot['center']>('BulletinCenter').implement({
  interfaces: [Figures],
  fields: (t) => ({
    previousRatings: t.exposeInt('previousRatings'),
    previousGoodRate: t.exposeFloat('previousGoodRate', { nullable: true }),
  }),
});

export const GradeCounts = builder.objectRef<Record<(typeof GRADES)[number], number>>('BulletinGradeCounts').implement({
  fields: (t) => Object.fromEntries(GRADES.map((g) => [g, t.exposeInt(g)])),
});

export const CandidateRef = builder
  .objectRef<Snapshot['candidates'][number] & { picked: boolean }>('SmileStarCandidate')
  .implement({
    fields: (t) => ({
      staffId: t.exposeID('staffId'),
      staffName: t.exposeString('staffName'),
      staffNo: t.exposeString('staffNo'),
      departmentId: t.exposeID('departmentId'),
      departmentName: t.exposeString('departmentName'),
      ratings: t.exposeInt('ratings'),
      bad: t.exposeInt('bad'),
      goodRate: t.exposeFloat('goodRate'),
      picked: t.exposeBoolean('picked'),
    }),
  });

export const TrendRef = builder
  .objectRef<{ month: string; ratings: number; good: number; bad: number; goodRate: number | null }>(
    'BulletinTrendPoint',
  )
  .implement({
    fields: (t) => ({
      month: t.exposeString('month'),
      ratings: t.exposeInt('ratings'),
      good: t.exposeInt('good'),
      bad: t.exposeInt('bad'),
      goodRate: t.exposeFloat('goodRate', { nullable: true }),
    }),
  });

type Receipt = Pick<BulletinReceipt, 'department' | 'acknowledgedAt' | 'acknowledgedByName'> & {
  departmentName: string;
};

export const ReceiptRef = builder.objectRef<Receipt>('BulletinReceipt').implement({
  description: "A department's acknowledgement (签收) of its part",
  fields: (t) => ({
    departmentId: t.id({ resolve: (r) => String(r.department) }),
    departmentName: t.exposeString('departmentName'),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.acknowledgedAt }),
    acknowledgedByName: t.exposeString('acknowledgedByName'),
  }),
});

export const withName = (b: Bulletin, r: BulletinReceipt): Receipt => ({
  department: r.department,
  acknowledgedAt: r.acknowledgedAt ?? null,
  acknowledgedByName: r.acknowledgedByName,
  departmentName: b.snapshot.departments.find((d) => d.id === String(r.department))?.departmentName ?? '',
});
