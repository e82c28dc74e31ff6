import { expect } from 'chai';
import { Types } from 'mongoose';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { as, makeHall } from '../helpers/patrol.js';
import { localDate, localInstant } from '../../common/time.js';

// Patrol analytics over a hand-computed fixture (no demo data). The period is 2026-09-28 (Mon,
// ISO week 40) to 2026-10-18 (Sun, week 42); the figures expected below are counted by hand.
const STATS = `query($f: PatrolStatsFilter!) { patrolStats(filter: $f) {
  count confirmed points
  byDepartment { id count confirmed points department { code } }
  byWindow { id count confirmed points window { code } }
  byStaff { id count confirmed points staff { name } }
  byCode { id label count confirmed points }
  trend { period count confirmed points } } }`;
const TIMELINESS = `query($f: PatrolStatsFilter!) { patrolTimeliness(filter: $f) { onTime late overdue missed open due onTimeRate } }`;
const LIST = `{ violationPage(pageSize: 100) { total items { id roundId department { code } window { code } } } }`;
const PERIOD = { from: '2026-09-28', to: '2026-10-18' };

type Row = { id: string | null; count: number; confirmed: number; points: number };
/** Rows keyed by what names them, as [count, confirmed, points]. */
const figures = (rows: Row[], name: (r: never) => string | undefined) =>
  Object.fromEntries(rows.map((r) => [name(r as never) ?? '-', [r.count, r.confirmed, r.points]]));

describe('patrol analytics (patrolStats, patrolTimeliness)', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let users: Record<
    'manager' | 'inspector' | 'inspector2' | 'gsjLiaison' | 'dsjLiaison',
    Awaited<ReturnType<typeof as>>
  >;
  let roundId: string;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    const [manager, inspector, inspector2, gsjLiaison, dsjLiaison] = await Promise.all([
      as(app, 'MANAGER'),
      as(app, 'INSPECTOR'),
      as(app, 'INSPECTOR'),
      as(app, 'DEPARTMENT', hall.gsj),
      as(app, 'DEPARTMENT', hall.dsj),
    ]);
    users = { manager, inspector, inspector2, gsjLiaison, dsjLiaison };
    roundId = await makeRounds();
    await makeViolations();
  });
  after(() => app.close());

  /** Rounds of the period: 2 on time, 1 late, 1 overdue, 1 missed; one after it; one today, not yet due. */
  async function makeRounds() {
    const hour = 3600_000;
    const round = (date: string, slot: string, over: Record<string, unknown>) => {
      const plannedAt = localInstant(date, '09:00');
      return RoundModel.create({
        date,
        slot,
        kind: 'SCHEDULED',
        plannedAt,
        dueAt: new Date(+plannedAt + hour),
        ...over,
      });
    };
    const at = (date: string, hhmm: string) => localInstant(date, hhmm);
    const { inspector: i1, inspector2: i2 } = users;
    const submitted = (inspector: string, when: Date) => ({ inspector, status: 'SUBMITTED', submittedAt: when });
    const t1 = await round('2026-09-29', 'S1', submitted(i1.userId, at('2026-09-29', '09:40')));
    await round('2026-10-06', 'S1', submitted(i2.userId, at('2026-10-06', '10:00'))); // exactly at the due time
    await round('2026-10-07', 'S1', submitted(i1.userId, at('2026-10-07', '10:01')));
    await round('2026-10-08', 'S1', {}); // never started, unassigned: missed
    await round('2026-10-09', 'S1', { inspector: i2.userId, status: 'IN_PROGRESS' });
    await round('2026-10-19', 'S1', submitted(i1.userId, at('2026-10-19', '09:30')));
    const today = localDate(new Date());
    await RoundModel.create({
      date: today,
      slot: 'S9',
      kind: 'SCHEDULED',
      plannedAt: new Date(),
      dueAt: new Date(Date.now() + hour),
    });
    return String(t1._id);
  }

  async function makeViolations() {
    const { b01, b02, c01, gsj, dsj } = hall;
    const i1 = users.inspector.userId;
    const i2 = users.inspector2.userId;
    const v = (
      seat: { window: string; staff: string } | { window: string; staff: null },
      department: string,
      code: string,
      points: number,
      status: string,
      observedAt: Date,
      raisedBy: string,
    ) =>
      ViolationModel.create({
        round: roundId,
        finding: new Types.ObjectId(),
        window: seat.window,
        department,
        staff: seat.staff,
        code,
        label: { ABSENT: '脱岗', UNIFORM: '未着工装', HALL: '大厅秩序' }[code],
        points,
        status,
        observedAt,
        raisedBy,
      });
    await v(b01, gsj, 'ABSENT', 1, 'CONFIRMED', localInstant('2026-09-30', '10:00'), i1); // W40, September
    await v(b01, gsj, 'UNIFORM', 0.5, 'PENDING', localInstant('2026-10-06', '10:00'), i1); // W41
    // 00:30 on Monday 5 October in the center is still Sunday 4 October (week 40) in UTC.
    await v(b02, gsj, 'ABSENT', 1, 'CONFIRMED', localInstant('2026-10-05', '00:30'), i1); // W41
    await v(b02, gsj, 'ABSENT', 1, 'DISMISSED', localInstant('2026-10-06', '11:00'), i1); // does not count
    await v(c01, dsj, 'ABSENT', 1, 'CONFIRMED', localInstant('2026-10-13', '09:30'), i2); // W42
    await v({ window: c01.window, staff: null }, dsj, 'HALL', 2, 'CONFIRMED', localInstant('2026-10-13', '09:31'), i2);
    // 00:10 on 19 October is after the period, though still 18 October in UTC.
    await v(c01, dsj, 'ABSENT', 1, 'CONFIRMED', localInstant('2026-10-19', '00:10'), i2);
  }

  const stats = async (who: keyof typeof users, f: Record<string, unknown> = {}) => {
    const res = await users[who].gql(STATS, { f: { ...PERIOD, ...f } });
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return res.data.patrolStats;
  };

  it('groups a manager’s violations by department, window, staff and rule, dismissed ones aside', async () => {
    const s = await stats('manager');
    expect([s.count, s.confirmed, s.points]).to.deep.equal([5, 4, 5]);
    expect(s.byDepartment.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal([
      'GSJ',
      'DSJ',
    ]);
    expect(figures(s.byDepartment, (r: { department: { code: string } }) => r.department.code)).to.deep.equal({
      GSJ: [3, 2, 2],
      DSJ: [2, 2, 3],
    });
    // Most violations first, then most points.
    expect(s.byWindow.map((r: { window: { code: string } }) => r.window.code)).to.deep.equal(['C01', 'B01', 'B02']);
    expect(figures(s.byWindow, (r: { window: { code: string } }) => r.window.code)).to.deep.equal({
      C01: [2, 2, 3],
      B01: [2, 1, 1],
      B02: [1, 1, 1],
    });
    expect(figures(s.byStaff, (r: { staff: { name: string } | null }) => r.staff?.name)).to.deep.equal({
      赵一: [2, 1, 1],
      钱二: [1, 1, 1],
      孙三: [1, 1, 1],
      '-': [1, 1, 2], // nobody on duty: the hall's order at an empty window
    });
    expect(s.byCode.map((r: Row & { label: string }) => [r.id, r.label, r.count, r.confirmed, r.points])).to.deep.equal(
      [
        ['ABSENT', '脱岗', 3, 3, 3],
        ['HALL', '大厅秩序', 1, 1, 2],
        ['UNIFORM', '未着工装', 1, 0, 0],
      ],
    );
  });

  it('gives the trend by ISO week in the center’s time, and by month', async () => {
    const weeks = (await stats('manager')).trend;
    expect(weeks).to.deep.equal([
      { period: '2026-W40', count: 1, confirmed: 1, points: 1 },
      { period: '2026-W41', count: 2, confirmed: 1, points: 1 },
      { period: '2026-W42', count: 2, confirmed: 2, points: 3 },
    ]);
    const months = (await stats('manager', { interval: 'MONTH' })).trend;
    expect(months).to.deep.equal([
      { period: '2026-09', count: 1, confirmed: 1, points: 1 },
      { period: '2026-10', count: 4, confirmed: 3, points: 4 },
    ]);
  });

  it('shows a liaison only its own department’s confirmed violations, whatever department it asks for', async () => {
    // Positive control: the same filter gives the manager the other department's figures.
    const dsjForManager = await stats('manager', { departmentId: hall.dsj });
    expect([dsjForManager.count, dsjForManager.points]).to.deep.equal([2, 3]);
    for (const f of [{}, { departmentId: hall.dsj }]) {
      const s = await stats('gsjLiaison', f);
      expect([s.count, s.confirmed, s.points]).to.deep.equal([2, 2, 2]);
      expect(s.byDepartment.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal(['GSJ']);
      expect(s.byWindow.map((r: { window: { code: string } }) => r.window.code)).to.have.members(['B01', 'B02']);
    }
    const dsj = await stats('dsjLiaison');
    expect([dsj.count, dsj.confirmed, dsj.points]).to.deep.equal([2, 2, 3]);
  });

  it('shows an inspector only the violations it raised', async () => {
    const s = await stats('inspector');
    expect([s.count, s.confirmed, s.points]).to.deep.equal([3, 2, 2]);
    expect(s.byDepartment.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal(['GSJ']);
  });

  it('refuses a period that ends before it starts or spans more than a year', async () => {
    for (const f of [
      { from: '2026-10-18', to: '2026-09-28' },
      { from: '2025-01-01', to: '2026-10-18' },
    ]) {
      const res = await users.manager.gql(STATS, { f });
      expect(res.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    }
  });

  it('counts rounds on time, late, overdue and missed; inspectors their own and unassigned ones', async () => {
    const all = await users.manager.gql(TIMELINESS, { f: PERIOD });
    expect(all.data.patrolTimeliness).to.deep.equal({
      onTime: 2,
      late: 1,
      overdue: 1,
      missed: 1,
      open: 0,
      due: 5,
      onTimeRate: 0.4,
    });
    const own = await users.inspector.gql(TIMELINESS, { f: PERIOD });
    expect(own.data.patrolTimeliness).to.include({ onTime: 1, late: 1, overdue: 0, missed: 1, due: 3 });
    const today = localDate(new Date());
    const open = await users.manager.gql(TIMELINESS, { f: { from: today, to: today } });
    expect(open.data.patrolTimeliness).to.include({ open: 1, due: 0, onTimeRate: 0 });
    const liaison = await users.gsjLiaison.gql(TIMELINESS, { f: PERIOD });
    expect(liaison.errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
  });

  it('gives each violation its round’s id, and a liaison’s list still loads with it', async () => {
    const mine = await users.gsjLiaison.gql(LIST);
    expect(mine.errors, JSON.stringify(mine.errors)).to.equal(undefined);
    expect(mine.data.violationPage.total).to.equal(2);
    expect(mine.data.violationPage.items.map((v: { roundId: string }) => v.roundId)).to.deep.equal([roundId, roundId]);
    const all = await users.manager.gql(LIST);
    expect(all.data.violationPage.total).to.equal(7);
    expect(new Set(all.data.violationPage.items.map((v: { roundId: string }) => v.roundId))).to.deep.equal(
      new Set([roundId]),
    );
  });
});
