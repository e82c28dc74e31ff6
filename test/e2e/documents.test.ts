import { expect } from 'chai';
import { Types } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { bulletinSettings } from '../../server/src/domains/bulletins/bulletin.settings.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DESKTOP, launchBrowser, logIn, watchErrors } from '../helpers/browser.js';
import { makeBulletinWorld } from '../helpers/bulletin-world.js';
import type { Client } from '../helpers/client.js';
import { PASSWORD } from '../helpers/fixtures.js';
import { as } from '../helpers/patrol.js';
import { pdfText } from '../helpers/pdf.js';

// One layout, two renderings: the layout a document's GraphQL field gives is what its PDF says
// and what its page in Chromium shows, figure by figure, row by row.

const LAYOUT = `type blocks { __typename
  ... on DocumentMasthead { banner number issuer date }
  ... on DocumentTitle { text subtitle }
  ... on DocumentHeading { text }
  ... on DocumentParagraph { text }
  ... on DocumentFigures { perRow items { label value } }
  ... on DocumentTable { key columns { header } rows { cells struck } }
  ... on DocumentSignature { lines } }`;

type Block = Record<string, any> & { __typename: string };
interface Layout {
  type: string;
  blocks: Block[];
}

// pdfkit breaks long lines at spaces and drops them; compare text without any whitespace.
const squash = (s: string) => s.replace(/\s+/g, '');

/** What the page shows of the sheet: every table's rows (cells, struck) and the figures. */
const pageOf = (page: Page) =>
  page.$eval('article.sheet', (sheet) => ({
    text: sheet.textContent ?? '',
    tables: Object.fromEntries(
      [...sheet.querySelectorAll('table[data-test^="table-"]')].map((t) => [
        t.getAttribute('data-test')!.slice('table-'.length),
        {
          headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
          rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({
            cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
            struck: tr.classList.contains('struck'),
          })),
        },
      ]),
    ),
    figures: [...sheet.querySelectorAll('[data-test=figures] th')].map((th) => ({
      label: th.textContent,
      value: th.nextElementSibling?.textContent,
    })),
  }));

/** The layout, its PDF's text and its page agree on every block. */
function expectSame(layout: Layout, pdf: string, shown: Awaited<ReturnType<typeof pageOf>>) {
  const text = squash(pdf);
  const has = (s: string, where: string) => expect(text, `PDF lacks ${where}: ${s}`).to.include(squash(s));
  const tables = layout.blocks.filter((b) => b.__typename === 'DocumentTable');
  expect(Object.keys(shown.tables)).to.deep.equal(tables.map((t) => t.key));
  for (const t of tables) {
    expect(shown.tables[t.key]!.headers, t.key).to.deep.equal(t.columns.map((c: { header: string }) => c.header));
    expect(shown.tables[t.key]!.rows, t.key).to.deep.equal(t.rows);
    for (const row of t.rows) has(row.cells.join(''), `a row of ${t.key}`);
  }
  const grids = layout.blocks.filter((b) => b.__typename === 'DocumentFigures');
  expect(shown.figures).to.deep.equal(grids.flatMap((b) => b.items));
  for (const g of grids) {
    // A whole row of the grid at once: a figure's words alone may also stand in the commentary.
    const pairs = g.items.map((f: { label: string; value: string }) => `${f.label}${f.value}`);
    for (let i = 0; i < pairs.length; i += g.perRow) has(pairs.slice(i, i + g.perRow).join(''), 'a row of figures');
  }
  for (const b of layout.blocks) {
    const words = [b.banner, b.number, b.issuer, b.date, b.text, b.subtitle, ...(b.lines ?? [])].filter(Boolean);
    for (const w of words as string[]) {
      has(w, b.__typename);
      expect(squash(shown.text), `page lacks ${b.__typename}: ${w}`).to.include(squash(w));
    }
  }
}

describe('documents: one layout for the PDF and the page', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let world: Awaited<ReturnType<typeof makeBulletinWorld>>;
  let manager: Client & { username: string };
  let liaison: Client & { username: string };
  let bulletinId: string;
  let noticeId: string;

  const pdfOf = async (c: Client, path: string) => {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie: c.cookie! } });
    expect(res.status).to.equal(200);
    return pdfText(await res.arrayBuffer());
  };
  const open = async (who: { username: string }, path: string) => {
    const page = await browser.newPage(DESKTOP);
    const errors = watchErrors(page);
    await logIn(page, app.url, who.username, PASSWORD);
    await page.goto(`${app.url}${path}`);
    await page.locator('article.sheet table').first().waitFor();
    return { page, errors };
  };
  const ok = async <T>(c: Client, query: string, variables: Record<string, unknown>) => {
    const res = await c.gql<T>(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return res.data;
  };

  before(async () => {
    app = await startTestApp({ web: true });
    browser = await launchBrowser();
    world = await makeBulletinWorld();
    manager = await as(app, 'MANAGER');
    liaison = await as(app, 'DEPARTMENT', world.gsj);
    await bulletinSettings.update({ starMinRatings: 2, bottomN: 1 }, null);
    const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id } }`;
    const generated = await ok<any>(manager, `mutation { generateBulletin(period: { key: "2031-B2" }) { id } }`, {});
    bulletinId = generated.generateBulletin.id;
    await ok(manager, step('submitBulletin'), { id: bulletinId });
    await ok(manager, step('publishBulletin'), { id: bulletinId });

    // A notice of March's confirmed violations: 孙三's (DSJ) and one of 赵一's (GSJ), which GSJ
    // appeals successfully, so the annex shows it struck through.
    await ViolationModel.create({
      round: new Types.ObjectId(),
      finding: new Types.ObjectId(),
      raisedBy: new Types.ObjectId(),
      ...world.b01,
      department: world.gsj,
      code: 'EATING',
      label: '在窗口吃东西',
      points: 0.5,
      observedAt: new Date('2031-03-07T11:20:00+08:00'),
      status: 'CONFIRMED',
    });
    const draft = await ok<any>(manager, `mutation($i: NoticeDraftInput!) { createNoticeDraft(input: $i) { id } }`, {
      i: { periodFrom: '2031-03-01', periodTo: '2031-03-31', departmentIds: [world.gsj, world.dsj] },
    });
    noticeId = draft.createNoticeDraft.id;
    await ok(manager, step('approveNotice'), { id: noticeId });
    await ok(manager, step('publishNotice'), { id: noticeId });
    await ok(liaison, `mutation($id: ID!) { appealNotice(id: $id, text: "当时为午休时间") { id } }`, { id: noticeId });
    await ok(
      manager,
      `mutation($id: ID!, $d: ID!) { decideNoticeAppeal(id: $id, departmentId: $d, decision: OVERTURNED, reason: "核实为午休") { id } }`,
      { id: noticeId, d: world.gsj },
    );
  });
  after(async () => {
    bulletinSettings.clearCache();
    await browser?.close();
    await app?.close();
  });

  it('prints the whole bulletin as its PDF shows it', async () => {
    const { bulletin } = await ok<any>(manager, `query($id: ID!) { bulletin(id: $id) { layout { ${LAYOUT} } } }`, {
      id: bulletinId,
    });
    const layout: Layout = bulletin.layout;
    // The control: the layout holds the figures of the world (both departments, every window).
    const departments = layout.blocks.find((b) => b.key === 'departments')!;
    expect(departments.rows.map((r: { cells: string[] }) => r.cells[1]).sort()).to.deep.equal([
      '市地方税务局',
      '市工商行政管理局',
    ]);
    const windows = layout.blocks.find((b) => b.key === 'windows')!;
    expect(windows.rows.map((r: { cells: string[] }) => r.cells[1]!.slice(0, 3)).sort()).to.deep.equal([
      'B01',
      'B02',
      'C01',
    ]);
    const { page, errors } = await open(manager, `/admin/bulletins/${bulletinId}/print`);
    expectSame(layout, await pdfOf(manager, `/api/bulletins/${bulletinId}.pdf`), await pageOf(page));
    await page.screenshot({ path: '/tmp/wfp-e2e-bulletin-print.png', fullPage: true });
    expect(errors).to.deep.equal([]);
    await page.close();
  });

  it("prints a liaison's part as its PDF shows it, and nothing of other departments", async () => {
    const { bulletin } = await ok<any>(liaison, `query($id: ID!) { bulletin(id: $id) { layout { ${LAYOUT} } } }`, {
      id: bulletinId,
    });
    const layout: Layout = bulletin.layout;
    expect(layout.blocks.find((b) => b.__typename === 'DocumentTitle')!.subtitle).to.equal('（市工商行政管理局）');
    expect(layout.blocks.map((b) => b.key).filter(Boolean)).to.deep.equal(['windows', 'staff']);
    // Its own rows only (the commentary, one text to every department, may name any window).
    const rows = JSON.stringify(layout.blocks.filter((b) => b.__typename === 'DocumentTable'));
    expect(rows).to.include('B02').and.include('钱二').and.not.include('C01').and.not.include('孙三');
    const { page } = await open(liaison, `/admin/bulletins/${bulletinId}/print`);
    expectSame(layout, await pdfOf(liaison, `/api/bulletins/${bulletinId}.pdf`), await pageOf(page));
    // Asking for another department's part is refused, on the page's query as on the PDF.
    const other = `query($id: ID!, $d: ID!) { bulletin(id: $id) { layout(departmentId: $d) { type } } }`;
    expect(await liaison.code(other, { id: bulletinId, d: world.dsj })).to.equal('FORBIDDEN');
    await page.close();
  });

  it('shows the notice as its PDF shows it, an overturned violation struck through', async () => {
    const { notice } = await ok<any>(manager, `query($id: ID!) { notice(id: $id) { layout { ${LAYOUT} } } }`, {
      id: noticeId,
    });
    const layout: Layout = notice.layout;
    const annex = layout.blocks.find((b) => b.key === 'violations')!;
    expect(
      annex.rows.map((r: { cells: string[]; struck: boolean }) => [r.cells[3], r.cells[5], r.struck]),
    ).to.deep.equal([
      ['C01', '玩手机', false],
      ['B01', '在窗口吃东西（申诉成立，已撤销）', true],
    ]);
    const { page, errors } = await open(manager, `/admin/notices/${noticeId}`);
    expectSame(layout, await pdfOf(manager, `/api/notices/${noticeId}.pdf`), await pageOf(page));
    const number = layout.blocks[0]!.number as string;
    expect(number).to.match(/^〔\d{4}〕第1号$/);
    expect(await page.locator('[data-test=notice-number]').textContent()).to.equal(number);
    await page.screenshot({ path: '/tmp/wfp-e2e-notice-view.png', fullPage: true });
    expect(errors).to.deep.equal([]);
    await page.close();
  });
});
