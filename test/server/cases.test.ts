import { expect } from 'chai';
import writeXlsxFile from 'write-excel-file/node';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { as, makeHall } from '../helpers/patrol.js';

const SAVE = `mutation($i: CaseRecordInput!) { saveCaseRecord(input: $i) { id accepted completed source window { code } serviceItem { code } } }`;
const PAGE = `query($f: CaseFilter) { caseRecordPage(filter: $f) { total items { department { code } accepted } } caseTotals(filter: $f) { records accepted completed onTime overdue } }`;

const CSV = `部门编码,窗口编号,事项编码,起始日期,截止日期,受理,办结,按时办结,超期
GSJ,B01,GSJ-001,2031-03-01,2031-03-31,120,110,100,10
DSJ,,DSJ-001,2031-03-01,2031-03-31,40,40,38,2
`;

describe('cases handled (办件)', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let manager: Awaited<ReturnType<typeof as>>;
  let items: Record<string, string>;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    manager = await as(app, 'MANAGER');
    const item = async (code: string, department: string) =>
      String(
        (
          await ServiceItemModel.create({
            code,
            name: code,
            department,
            category: 'LICENSING',
            legalDays: 20,
            promisedDays: 5,
          })
        )._id,
      );
    items = { gsj: await item('GSJ-001', hall.gsj), dsj: await item('DSJ-001', hall.dsj) };
  });
  after(() => app.close());

  const upload = (c: Client | null, body: string | Buffer, headers: Record<string, string> = { 'x-wfp-csrf': '1' }) =>
    fetch(`${app.url}/api/cases/import`, {
      method: 'POST',
      headers: { ...headers, ...(c?.cookie ? { cookie: c.cookie } : {}) },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('imports a CSV with Chinese headers; importing it again changes nothing', async () => {
    const first = await upload(manager, CSV);
    expect(first.status).to.equal(200);
    expect(await first.json()).to.deep.include({ ok: true, rows: 2, imported: 2, added: 2, errors: [] });
    const again = await upload(manager, CSV);
    expect(await again.json()).to.deep.include({ ok: true, added: 0, updated: 0, unchanged: 2 });
    const records = await CaseRecordModel.find().sort({ accepted: -1 }).lean();
    expect(
      records.map((r) => [r.accepted, r.completed, r.onTime, r.overdue, r.window ? String(r.window) : null]),
    ).to.deep.equal([
      [120, 110, 100, 10, hall.b01.window],
      [40, 40, 38, 2, null],
    ]);
  });

  it('imports an XLSX with English headers, dates as date cells', async () => {
    const day = (d: number) => ({ value: new Date(Date.UTC(2031, 3, d)), format: 'yyyy-mm-dd' });
    const xlsx = await writeXlsxFile([
      ['Department', 'Window', 'Item', 'From', 'To', 'Accepted', 'Completed', 'OnTime', 'Overdue'],
      ['GSJ', 'B02', 'GSJ-001', day(1), day(30), 80, 75, 75, 0],
    ]).toBuffer();
    const res = await upload(manager, xlsx);
    expect(await res.json()).to.deep.include({ ok: true, imported: 1 });
    const rec = await CaseRecordModel.findOne({ window: hall.b02.window }).lean();
    expect(rec).to.deep.include({ periodFrom: '2031-04-01', periodTo: '2031-04-30', accepted: 80, completed: 75 });
  });

  it('reports every bad row and stores nothing', async () => {
    const before = await CaseRecordModel.countDocuments();
    const bad = `department,window,item,from,to,accepted,completed,onTime,overdue
GSJ,B01,GSJ-001,2031-05-01,2031-05-31,10,9,9,0
XXX,,GSJ-001,2031-05-01,2031-05-31,10,9,9,0
GSJ,C01,GSJ-001,2031-05-01,2031-05-31,10,9,9,0
GSJ,B01,DSJ-001,2031-05-01,2031-05-31,10,9,9,0
GSJ,B02,GSJ-001,2031-05-31,2031-05-01,10,9,9,0
GSJ,B02,GSJ-001,2031-05-01,2031-05-31,ten,9,10,0
GSJ,B01,GSJ-001,2031-05-01,2031-05-31,10,9,9,0
`;
    const res = await upload(manager, bad);
    expect(res.status).to.equal(422);
    const report = (await res.json()) as {
      ok: boolean;
      errors: Array<{ line: number; field: string; message: string }>;
    };
    expect(report.ok).to.equal(false);
    expect(report.errors.map((e) => [e.line, e.field])).to.deep.equal([
      [3, 'department'],
      [4, 'window'],
      [5, 'item'],
      [6, 'periodTo'],
      [7, 'accepted'],
      [7, 'onTime'],
      [8, 'item'],
    ]);
    expect(report.errors.find((e) => e.line === 8)!.message).to.include('第 2 行');
    expect(await CaseRecordModel.countDocuments()).to.equal(before);

    const missing = await upload(manager, 'department,item\nGSJ,GSJ-001\n');
    expect(
      ((await missing.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).to.include.members(['periodFrom', 'accepted']);
  });

  it('lets only the center import, with the CSRF header', async () => {
    expect((await upload(await as(app, 'DEPARTMENT', hall.gsj), CSV)).status).to.equal(403);
    expect((await upload(await as(app, 'INSPECTOR'), CSV)).status).to.equal(403);
    expect((await upload(manager, CSV, {})).status).to.equal(403);
    expect((await upload(null, CSV)).status).to.equal(401);
  });

  it('takes figures entered by hand, checks them, and shows a liaison its own', async () => {
    // March's figures from the CSV, beside the ones entered here (an import is idempotent, so this
    // holds whichever test imported first).
    expect((await upload(manager, CSV)).status).to.equal(200);
    const input = {
      departmentId: hall.dsj,
      windowId: hall.c01.window,
      serviceItemId: items.dsj,
      periodFrom: '2031-06-01',
      periodTo: '2031-06-30',
      accepted: 30,
      completed: 28,
      onTime: 27,
      overdue: 1,
    };
    const saved = (await manager.gql(SAVE, { i: input })).data.saveCaseRecord;
    expect(saved).to.deep.include({
      accepted: 30,
      source: 'MANUAL',
      window: { code: 'C01' },
      serviceItem: { code: 'DSJ-001' },
    });
    // The same natural key corrects the record rather than adding one.
    const again = (await manager.gql(SAVE, { i: { ...input, accepted: 31 } })).data.saveCaseRecord;
    expect(again).to.deep.include({ id: saved.id, accepted: 31 });

    const wrong = await manager.gql(SAVE, { i: { ...input, onTime: 29, serviceItemId: items.gsj } });
    expect(wrong.errors![0]!.extensions!.code).to.equal('VALIDATION_FAILED');
    expect(wrong.errors![0]!.extensions!.fields.map((f: { path: string }) => f.path).sort()).to.deep.equal([
      'onTime',
      'serviceItemId',
    ]);
    expect(await manager.code(SAVE, { i: { ...input, accepted: -1 } })).to.equal('VALIDATION_FAILED');
    const liaison = await as(app, 'DEPARTMENT', hall.dsj);
    expect(await liaison.code(SAVE, { i: input })).to.equal('FORBIDDEN');

    const own = (await liaison.gql(PAGE, {})).data;
    expect(own.caseRecordPage.items.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal([
      'DSJ',
      'DSJ',
    ]);
    expect(own.caseTotals).to.deep.equal({ records: 2, accepted: 71, completed: 68, onTime: 65, overdue: 3 });
    const march = (await manager.gql(PAGE, { f: { from: '2031-03-01', to: '2031-03-31' } })).data;
    expect(march.caseTotals).to.deep.include({ records: 2, accepted: 160 });
  });
});
