import { expect } from 'chai';
import { readSheet } from 'read-excel-file/node';
import { publicStatsComputed } from '../../server/src/domains/rating-stats/public-stats.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeStaff, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

const at = (local: string) => new Date(`${local}+08:00`);

// A hand-computed fixture, November 2026:
//   GSJ window A01 (staff 张): Mon 2 Nov 09:xx  VS, VS, S, B, D        → 5 ratings, good 3, bad 1
//                               Tue 3 Nov 14:xx  VD                      → 1 rating,  good 0, bad 1
//   DSJ window B01 (staff 王): Mon 2 Nov 09:xx  S, S                     → 2 ratings, good 2, bad 0
//   plus two that must not count: a suspect VD at A01 and an excluded D at B01.
// GSJ: 6 ratings, good 3 (50%), bad 2 (33.3%). DSJ: 2 ratings, good 2 (100%). All: 8, good 5, bad 2.
describe('rating analytics against a hand-computed fixture', () => {
  let app: TestApp;
  let manager: Client;
  let gsj: string;
  let dsj: string;
  let a01: string;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    dsj = await makeDepartment('DSJ', '市地方税务局');
    a01 = await makeWindow('A01', gsj);
    const b01 = await makeWindow('B01', dsj);
    const zhang = await makeStaff('GSJ01', gsj, '张敏');
    const wang = await makeStaff('DSJ01', dsj, '王强');
    const g = { window: a01, department: gsj, staff: zhang };
    const d = { window: b01, department: dsj, staff: wang };
    for (const [level, time] of [
      ['VERY_SATISFIED', '09:05'],
      ['VERY_SATISFIED', '09:10'],
      ['SATISFIED', '09:20'],
      ['BASIC', '09:30'],
      ['DISSATISFIED', '09:40'],
    ] as const) {
      await makeRating({ ...g, level, at: at(`2026-11-02T${time}:00`) });
    }
    await makeRating({ ...g, level: 'VERY_DISSATISFIED', at: at('2026-11-03T14:30:00') });
    await makeRating({ ...d, level: 'SATISFIED', at: at('2026-11-02T09:15:00') });
    await makeRating({ ...d, level: 'SATISFIED', at: at('2026-11-02T09:45:00') });
    await makeRating({ ...g, level: 'VERY_DISSATISFIED', at: at('2026-11-02T09:50:00'), suspect: true });
    await makeRating({ ...d, level: 'DISSATISFIED', at: at('2026-11-02T10:00:00'), excluded: true });
    // Outside the period asked for: not counted.
    await makeRating({ ...g, level: 'VERY_SATISFIED', at: at('2026-10-31T23:59:00') });
    manager = new Client(app.url);
    await manager.login((await makeUser('MANAGER')).username, PASSWORD);
  });
  after(() => app.close());

  const Q = `query($f: RatingStatsFilter!) { ratingStats(filter: $f) {
    summary { total good bad goodRate badRate byLevel { level count } }
    trend(interval: DAY) { period total good bad }
    heatmap { weekday hour total bad }
    byDept: ranking(by: DEPARTMENT) { rank department { code } total goodRate }
    byStaff: ranking(by: STAFF) { rank staff { name } total goodRate badRate }
  } }`;
  const NOV = { from: '2026-11-01', to: '2026-11-30' };

  it('counts levels, good and bad rates, excluding suspect and excluded ratings', async () => {
    const s = (await manager.gql(Q, { f: NOV })).data.ratingStats;
    expect(s.summary).to.deep.include({ total: 8, good: 5, bad: 2, goodRate: 5 / 8, badRate: 2 / 8 });
    expect(s.summary.byLevel).to.deep.equal([
      { level: 'VERY_SATISFIED', count: 2 },
      { level: 'SATISFIED', count: 3 },
      { level: 'BASIC', count: 1 },
      { level: 'DISSATISFIED', count: 1 },
      { level: 'VERY_DISSATISFIED', count: 1 },
    ]);
  });

  it('trends by local day and maps weekday × hour', async () => {
    const s = (await manager.gql(Q, { f: NOV })).data.ratingStats;
    expect(s.trend).to.deep.equal([
      { period: '2026-11-02', total: 7, good: 5, bad: 1 },
      { period: '2026-11-03', total: 1, good: 0, bad: 1 },
    ]);
    const cell = (wd: number, h: number) =>
      s.heatmap.find((c: { weekday: number; hour: number }) => c.weekday === wd && c.hour === h);
    expect(cell(1, 9)).to.deep.equal({ weekday: 1, hour: 9, total: 7, bad: 1 }); // Monday 09:00–09:59
    expect(cell(2, 14)).to.deep.equal({ weekday: 2, hour: 14, total: 1, bad: 1 });
  });

  it('ranks departments and staff by good-rating rate', async () => {
    const s = (await manager.gql(Q, { f: NOV })).data.ratingStats;
    expect(s.byDept).to.deep.equal([
      { rank: 1, department: { code: 'DSJ' }, total: 2, goodRate: 1 },
      { rank: 2, department: { code: 'GSJ' }, total: 6, goodRate: 0.5 },
    ]);
    expect(s.byStaff[1]).to.deep.equal({ rank: 2, staff: { name: '张敏' }, total: 6, goodRate: 0.5, badRate: 2 / 6 });
  });

  it('filters by department, and keeps a liaison to its own whatever it asks', async () => {
    const own = (await manager.gql(Q, { f: { ...NOV, departmentId: gsj } })).data.ratingStats.summary;
    expect(own).to.deep.include({ total: 6, good: 3, bad: 2 });
    const liaison = new Client(app.url);
    await liaison.login((await makeUser('DEPARTMENT', dsj)).username, PASSWORD);
    // Naming another department changes nothing: the liaison's own filter wins, GSJ's 6 never show.
    const asked = (await liaison.gql(Q, { f: { ...NOV, departmentId: gsj } })).data.ratingStats.summary;
    expect(asked).to.deep.include({ total: 2, good: 2 });
    const mine = (await liaison.gql(Q, { f: NOV })).data.ratingStats.summary;
    expect(mine).to.deep.include({ total: 2, good: 2 });
  });

  it('exports the period as CSV without addresses, and refuses anonymous callers', async () => {
    const res = await fetch(`${app.url}/api/ratings.csv?from=2026-11-01&to=2026-11-30&windowId=${a01}`, {
      headers: { cookie: manager.cookie! },
    });
    expect(res.status).to.equal(200);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).to.have.length(7); // header + 6 counted ratings at A01
    expect(lines[1]).to.match(/^2026-11-02 09:05,A01,市工商行政管理局,张敏,非常满意/);
    expect(text).to.not.include('fixture'); // the ipHash column is not exported
    expect((await fetch(`${app.url}/api/ratings.csv?from=2026-11-01&to=2026-11-30`)).status).to.equal(401);
  });

  it('exports the same list as .xlsx, headers and levels in the reader language', async () => {
    const get = async (lang?: string) => {
      const res = await fetch(`${app.url}/api/ratings.xlsx?from=2026-11-01&to=2026-11-30&windowId=${a01}`, {
        headers: { cookie: manager.cookie!, ...(lang ? { 'accept-language': lang } : {}) },
      });
      expect(res.headers.get('content-type')).to.include('spreadsheetml');
      return readSheet(Buffer.from(await res.arrayBuffer()));
    };
    const zh = await get();
    expect(zh).to.have.length(7);
    expect(zh[0]).to.deep.equal([
      '时间',
      '窗口',
      '部门',
      '人员',
      '评价',
      '原因',
      '意见',
      '办件编号',
      '评价渠道',
      '关联办件',
      '服务事项',
    ]);
    expect(zh[1]![8]).to.equal('二维码');
    expect(zh[1]!.slice(0, 5)).to.deep.equal(['2026-11-02 09:05', 'A01', '市工商行政管理局', '张敏', '非常满意']);
    const en = await get('en');
    expect([en[0]![0], en[1]![4]]).to.deep.equal(['Time', 'Very satisfied']);
  });

  it('publishes each department’s rates for a bimonth to anyone', async () => {
    const res = await new Client(app.url).gql(
      '{ publicDepartmentStats(period: "2026-B6") { period from to departments { departmentName total goodRate rank } } }',
    );
    const p = res.data.publicDepartmentStats;
    expect(p).to.deep.include({ period: '2026-B6', from: '2026-11-01', to: '2026-12-31' });
    expect(p.departments).to.deep.equal([
      { departmentName: '市地方税务局', total: 2, goodRate: 1, rank: 1 },
      { departmentName: '市工商行政管理局', total: 6, goodRate: 0.5, rank: 2 },
    ]);
  });

  it('computes 15 aliased copies of the public figures once, and refuses to compute many periods at once', async () => {
    const computed = async () => (await publicStatsComputed.get()).values[0]?.value ?? 0;
    const aliases = (periods: string[]) =>
      `{ ${periods.map((p, i) => `p${i}: publicDepartmentStats(period: "${p}") { period departments { total } }`).join(' ')} }`;
    const citizen = new Client(app.url);
    const before = await computed();
    const same = await citizen.gql(aliases(Array.from({ length: 15 }, () => '2025-B3')));
    expect(same.errors).to.equal(undefined);
    expect(Object.keys(same.data)).to.have.length(15);
    expect(await computed(), 'computations for 15 copies').to.equal(before + 1);
    // 15 periods would be 15 computations: refused before any is done.
    const periods = ['2024', '2025']
      .flatMap((y) => [1, 2, 3, 4, 5, 6].map((b) => `${y}-B${b}`))
      .concat('2023-B6', '2023-B5', '2023-B4');
    const refused = await citizen.gql(aliases(periods));
    expect(refused.errors?.[0]?.extensions?.code).to.equal('QUERY_TOO_COMPLEX');
    expect(refused.errors?.[0]?.message).to.equal('一次请求的统计数据过多：请减少所查询的周期');
    // So are four through a fragment; three (the control) are answered, each computed once.
    const viaFragment = `{ a: publicDepartmentStats(period: "2024-B1") { ...F } b: publicDepartmentStats(period: "2024-B2") { ...F } ...Q }
      fragment Q on Query { c: publicDepartmentStats(period: "2024-B3") { period } d: publicDepartmentStats(period: "2024-B4") { period } }
      fragment F on PublicPeriodStats { period }`;
    expect(await citizen.code(viaFragment)).to.equal('QUERY_TOO_COMPLEX');
    expect(await computed()).to.equal(before + 1);
    const three = await citizen.gql(aliases(['2024-B1', '2024-B2', '2024-B3', '2024-B1']));
    expect(three.errors).to.equal(undefined);
    expect(await computed()).to.equal(before + 4);
  });
});
