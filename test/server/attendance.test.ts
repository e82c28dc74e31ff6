import { expect } from 'chai';
import { Types } from 'mongoose';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { SignInModel } from '../../server/src/domains/inspections/signin.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { as, makeHall } from '../helpers/patrol.js';

const ATTENDANCE = `query($g: AttendanceGroup!, $d: ID) { attendance(from: "2031-03-01", to: "2031-03-31", groupBy: $g, departmentId: $d) {
  observations onPost excused away absent rate signInDays late leftEarly staff { name } window { code } department { code } } }`;

describe('attendance', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let manager: Awaited<ReturnType<typeof as>>;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    manager = await as(app, 'MANAGER');
    // Four rounds saw 赵一 (B01): on post twice, away with a reason once, away without one once;
    // 孙三 (C01) on post once and absent once. The unsubmitted round and April do not count.
    const seen = (
      seat: { window: string; staff: string },
      department: string,
      day: string,
      presence: string,
      reason = '',
      submitted = true,
    ) =>
      FindingModel.create({
        round: new Types.ObjectId(),
        window: seat.window,
        department,
        observedAt: new Date(`${day}T09:00:00+08:00`),
        marks: [{ staff: seat.staff, presence, reason }],
        clientKey: new Types.ObjectId().toString(),
        seq: 1,
        savedBy: new Types.ObjectId(),
        submitted,
      });
    await seen(hall.b01, hall.gsj, '2031-03-03', 'ON_POST');
    await seen(hall.b01, hall.gsj, '2031-03-04', 'ON_POST');
    await seen(hall.b01, hall.gsj, '2031-03-05', 'AWAY', '取资料');
    await seen(hall.b01, hall.gsj, '2031-03-06', 'AWAY');
    await seen(hall.b01, hall.gsj, '2031-03-07', 'ABSENT', '', false);
    await seen(hall.b01, hall.gsj, '2031-04-01', 'ABSENT');
    await seen(hall.c01, hall.dsj, '2031-03-03', 'ON_POST');
    await seen(hall.c01, hall.dsj, '2031-03-04', 'ABSENT');
  });
  after(() => app.close());

  const importCsv = (c: Client, csv: string) =>
    fetch(`${app.url}/api/attendance/sign-ins`, {
      method: 'POST',
      headers: { 'x-wfp-csrf': '1', 'content-type': 'text/csv', ...(c.cookie ? { cookie: c.cookie } : {}) },
      body: csv,
    });

  it('computes rates per staff, window and department from submitted rounds', async () => {
    const byStaff = (await manager.gql(ATTENDANCE, { g: 'STAFF' })).data.attendance;
    const zhao = byStaff.find((r: { staff: { name: string } }) => r.staff.name === '赵一');
    expect(zhao).to.include({ observations: 4, onPost: 2, excused: 1, away: 1, absent: 0, rate: 0.75 });
    const sun = byStaff.find((r: { staff: { name: string } }) => r.staff.name === '孙三');
    expect(sun).to.include({ observations: 2, absent: 1, rate: 0.5 });
    // Lowest rate first.
    expect(byStaff[0].staff.name).to.equal('孙三');
    const byWindow = (await manager.gql(ATTENDANCE, { g: 'WINDOW' })).data.attendance;
    expect(
      byWindow.map((r: { window: { code: string }; observations: number }) => [r.window.code, r.observations]),
    ).to.deep.equal([
      ['C01', 2],
      ['B01', 4],
    ]);
    const byDept = (await manager.gql(ATTENDANCE, { g: 'DEPARTMENT', d: hall.gsj })).data.attendance;
    expect(
      byDept.map((r: { department: { code: string }; rate: number }) => [r.department.code, r.rate]),
    ).to.deep.equal([['GSJ', 0.75]]);
  });

  it('keeps a liaison to its own department and inspectors out', async () => {
    const liaison = await as(app, 'DEPARTMENT', hall.dsj);
    const rows = (await liaison.gql(ATTENDANCE, { g: 'DEPARTMENT', d: hall.gsj })).data.attendance;
    expect(rows.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal(['DSJ']);
    expect(await (await as(app, 'INSPECTOR')).code(ATTENDANCE, { g: 'STAFF' })).to.equal('FORBIDDEN');
  });

  it('reports every bad row of a sign-in CSV and stores nothing', async () => {
    const csv = [
      'staffNo,date,signIn,signOut',
      'GSJ01,2031-03-03,08:52,17:31',
      'NOPE9,2031-03-03,08:50,17:00',
      'GSJ01,2031-02-30,08:50,17:00',
      'GSJ02,2031-03-03,8:5,17:00',
      'GSJ02,2031-03-04,18:00,09:00',
      'GSJ01,2031-03-03,09:10,17:00',
      'DSJ01,2031-03-03,,',
    ].join('\n');
    const res = await importCsv(manager, csv);
    expect(res.status).to.equal(422);
    const report = (await res.json()) as { ok: boolean; rows: number; errors: Array<{ line: number; field: string }> };
    expect(report.ok).to.equal(false);
    expect(report.rows).to.equal(7);
    expect(report.errors.map((e) => [e.line, e.field])).to.deep.equal([
      [3, 'staffNo'],
      [4, 'date'],
      [5, 'signIn'],
      [6, 'signOut'],
      [7, 'date'],
      [8, 'signIn'],
    ]);
    expect(await SignInModel.countDocuments()).to.equal(0);
    const noColumns = (await (await importCsv(manager, 'who,when\nx,y')).json()) as {
      errors: Array<{ message: string }>;
    };
    expect(noColumns.errors.map((e) => e.message)).to.include('缺少此列');
  });

  it('imports a valid file once (idempotent) and counts late arrivals and early leaves', async () => {
    const csv =
      '\uFEFF工号,日期,签到时间,签退时间\nGSJ01,2031-03-03,08:52,17:31\nGSJ01,2031-03-04,09:12,17:05\nGSJ01,2031-03-05,08:40,16:10\nDSJ01,2031-03-03,08:30,\n';
    for (let i = 0; i < 2; i++) {
      const res = await importCsv(manager, csv);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.include({ ok: true, imported: 4 });
    }
    expect(await SignInModel.countDocuments()).to.equal(4);
    const zhao = (await manager.gql(ATTENDANCE, { g: 'STAFF' })).data.attendance.find(
      (r: { staff: { name: string } }) => r.staff.name === '赵一',
    );
    expect(zhao).to.include({ signInDays: 3, late: 1, leftEarly: 1 });
  });

  it('refuses imports to liaisons, inspectors and anonymous callers', async () => {
    const csv = 'staffNo,date,signIn,signOut\nGSJ01,2031-03-10,08:52,17:31';
    expect((await importCsv(await as(app, 'DEPARTMENT', hall.gsj), csv)).status).to.equal(403);
    expect((await importCsv(await as(app, 'INSPECTOR'), csv)).status).to.equal(403);
    expect((await importCsv(new Client(app.url), csv)).status).to.equal(401);
  });
});
