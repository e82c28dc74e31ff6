import { expect } from 'chai';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { SignInModel } from '../../server/src/domains/inspections/signin.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { xlsxOf } from '../../server/src/lib/table-export.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { as, makeHall } from '../helpers/patrol.js';

// Files as Excel and WPS on Chinese Windows write them: GBK CSV, XLSX with real date and time
// cells under a merged title row, full-width digits; and the Chinese row reports of bad ones.

interface Report {
  ok: boolean;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  encoding: string;
  errors: Array<{ line: number; field: string; column: string; message: string; value: string }>;
}

/** GBK bytes of a text, as Excel's "CSV (逗号分隔)" saves it on Chinese Windows. */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  // Build the few characters needed from the decoder itself: every 2-byte GBK code, decoded once.
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(dec.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('office files: imports from Excel and WPS', () => {
  let app: TestApp;
  let manager: Client;

  before(async () => {
    app = await startTestApp();
    const hall = await makeHall();
    manager = await as(app, 'MANAGER');
    await ServiceItemModel.create({
      code: 'GSJ-001',
      name: '营业执照',
      department: hall.gsj,
      category: 'LICENSING',
      legalDays: 20,
      promisedDays: 5,
    });
  });
  after(() => app.close());

  const post = (path: string, body: string | Buffer, lang?: string) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'x-wfp-csrf': '1', cookie: manager.cookie!, ...(lang ? { 'accept-language': lang } : {}) },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const get = (path: string, lang?: string) =>
    fetch(`${app.url}${path}`, { headers: { cookie: manager.cookie!, ...(lang ? { 'accept-language': lang } : {}) } });

  it('reads a GBK CSV with full-width digits, and says what a re-import changed', async () => {
    const csv =
      '部门编码,窗口编号,事项编码,起始日期,截止日期,受理数,办结数,按时办结,超期\r\nGSJ,B01,GSJ-001,２０３１/３/１,2031年3月31日,120,110,100,10\r\n';
    const first = await post('/api/cases/import', gbk(csv));
    const report = (await first.json()) as Report;
    expect(report).to.deep.include({ ok: true, encoding: 'gb18030', added: 1, updated: 0, unchanged: 0 });
    expect(await CaseRecordModel.findOne().lean()).to.deep.include({
      periodFrom: '2031-03-01',
      periodTo: '2031-03-31',
    });

    const changed = await post('/api/cases/import', gbk(csv.replace(',120,', ',121,')));
    expect(await changed.json()).to.deep.include({ ok: true, added: 0, updated: 1, unchanged: 0 });
    const same = await post('/api/cases/import', gbk(csv.replace(',120,', ',121,')));
    expect(await same.json()).to.deep.include({ ok: true, added: 0, updated: 0, unchanged: 1 });
  });

  it('reads real date and time cells of an XLSX under a merged title row', async () => {
    const time = (h: number, m: number) => ({ value: new Date(Date.UTC(1899, 11, 30, h, m)), format: 'hh:mm' });
    const xlsx = await writeXlsxFile([
      [{ value: '2031年3月考勤记录', columnSpan: 4 }, null, null, null],
      ['工号', '日期', '签到时间', '签退时间'],
      ['GSJ01', { value: new Date(Date.UTC(2031, 2, 3)), format: 'yyyy/m/d' }, time(8, 52), time(17, 31)],
      ['GSJ02', 46085, 0.375, 0.75], // the same as plain numbers: Excel's serial day and fractions
    ]).toBuffer();
    const res = await post('/api/attendance/sign-ins', xlsx);
    expect(await res.json()).to.deep.include({ ok: true, rows: 2, added: 2, encoding: 'xlsx' });
    const rows = await SignInModel.find().sort({ date: 1 }).lean();
    expect(rows.map((r) => [r.date, r.signIn, r.signOut])).to.deep.equal([
      ['2026-03-04', '09:00', '18:00'],
      ['2031-03-03', '08:52', '17:31'],
    ]);
  });

  it('reports an impossible date as a row error in Chinese, storing nothing', async () => {
    const before = await CaseRecordModel.countDocuments();
    const csv =
      '部门编码,窗口编号,事项编码,起始日期,截止日期,受理数,办结数,按时办结,超期\nGSJ,B01,GSJ-001,2031-04-01,2031-04-30,1,1,1,0\nGSJ,B02,GSJ-001,2026-13-01,2026-13-31,1,1,1,0\n';
    const res = await post('/api/cases/import', csv);
    expect(res.status).to.equal(422);
    const report = (await res.json()) as Report;
    expect(report.errors).to.deep.equal([
      { line: 3, field: 'periodFrom', column: '起始日期', message: '不是形如 2026-03-01 的日期', value: '2026-13-01' },
      { line: 3, field: 'periodTo', column: '截止日期', message: '不是形如 2026-03-31 的日期', value: '2026-13-31' },
    ]);
    expect(await CaseRecordModel.countDocuments()).to.equal(before);

    const english = (await (await post('/api/cases/import', csv, 'en-US,en;q=0.9')).json()) as Report;
    expect(english.errors[0]).to.deep.include({ column: '起始日期', message: 'not a date like 2026-03-01' });
  });

  it('names the encoding when a file has none of the columns, and refuses a legacy .xls', async () => {
    const latin1 = Buffer.from('\xb2\xbf\xc3\xc5,x\n1,2\n', 'latin1'); // not a known header in any reading
    const report = (await (await post('/api/cases/import', latin1)).json()) as Report;
    expect(report.errors[0]!.message).to.equal('找不到任何已知的列：请确认文件正确，并保存为 CSV（UTF-8）或 XLSX');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const refused = (await (await post('/api/attendance/sign-ins', xls)).json()) as Report;
    expect(refused.errors.map((e) => e.message)).to.deep.equal(['无法读取旧版 .xls 文件：请另存为 .xlsx 或 CSV']);
  });

  it('offers a template per import, in the reader language, that imports as it is', async () => {
    for (const [path, upload, lang, header] of [
      ['/api/cases/import/template.xlsx', '/api/cases/import', undefined, '部门编码'],
      ['/api/attendance/sign-ins/template.xlsx', '/api/attendance/sign-ins', 'en', 'staff number'],
    ] as const) {
      const res = await get(path, lang);
      expect(res.status).to.equal(200);
      const data = Buffer.from(await res.arrayBuffer());
      expect((await readSheet(data))[0]![0]).to.equal(header);
      expect(await (await post(upload, data)).json()).to.deep.include({ ok: true, rows: 1 });
    }
    const inspector = await as(app, 'INSPECTOR');
    const refused = await fetch(`${app.url}/api/cases/import/template.xlsx`, {
      headers: { cookie: inspector.cookie! },
    });
    expect(refused.status).to.equal(403);
  });

  it('keeps long case numbers as text in an .xlsx export, and instants in centre time', async () => {
    const at = new Date('2026-12-01T16:30:00Z'); // 2026-12-02 00:30 in the centre
    const data = await xlsxOf(['办件编号', '数量', '时间'], [['110105202612020000123', 3, at]]);
    const [, row] = await readSheet(data);
    expect(row!.slice(0, 2)).to.deep.equal(['110105202612020000123', 3]);
    const read = (row![2] as unknown as Date).getTime();
    expect(new Date(Math.round(read / 1000) * 1000).toISOString()).to.equal('2026-12-02T00:30:00.000Z');
  });
});
