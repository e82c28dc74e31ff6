import { expect } from 'chai';
import { bulletinSettings } from '../../server/src/domains/bulletins/bulletin.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { makeBulletinWorld } from '../helpers/bulletin-world.js';
import { makeDepartment, makeRating } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';
import { as } from '../helpers/patrol.js';
import { localDate } from '../../common/time.js';

const ROW =
  'id windowCode staffName departmentName ratings good bad goodRate followUpsLate present observations violations points upheld accepted completed parts { ratings attendance inspections complaints cases } base bonus score grade rank previousScore previousRank rankChange bottom escalated smileStar';
const BULLETIN = `id status number title commentary period { key label from to } previousPeriod { key }
  center { ratings good bad complaints upheld violations accepted completed completionRate }
  departments { ${ROW} } windows { ${ROW} } staff { ${ROW} } smileStars { staffName }
  candidates { staffId staffName picked } receipts { departmentName acknowledgedAt } departmentGrades { PASS BASIC_PASS FAIL }`;
const GENERATE = `mutation($p: PeriodInput!) { generateBulletin(period: $p) { ${BULLETIN} } }`;
const GET = `query($id: ID!) { bulletin(id: $id) { ${BULLETIN} } }`;
const PART = `query($id: ID!, $d: ID!) { bulletinPart(id: $id, departmentId: $d) { department { departmentName score rank } windows { windowCode } staff { staffName } smileStars { staffName } receipt { acknowledgedAt } rankedDepartments } }`;
const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status number } }`;
const PICK = `mutation($id: ID!, $s: [ID!]!) { pickSmileStars(id: $id, staffIds: $s) { ${BULLETIN} } }`;
const TEXT = `mutation($id: ID!, $i: BulletinTextInput!) { updateBulletinText(id: $id, input: $i) { commentary } }`;

type Row = Record<string, any>;
/** Bulletins are numbered by the centre's year (Shanghai), not the machine's. */
const centreYear = () => localDate(new Date()).slice(0, 4);
const byWindow = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.windowCode, r]));
const byName = (rows: Row[], key = 'departmentName') => Object.fromEntries(rows.map((r) => [r[key], r]));

describe('bimonthly bulletins (简报)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof makeBulletinWorld>>;
  let manager: Awaited<ReturnType<typeof as>>;
  let gsjLiaison: Awaited<ReturnType<typeof as>>;
  let bulletin: Row;

  before(async () => {
    app = await startTestApp();
    world = await makeBulletinWorld();
    manager = await as(app, 'MANAGER');
    gsjLiaison = await as(app, 'DEPARTMENT', world.gsj);
    // Small rules for a small hall: two ratings make a smile-star candidate, the bottom one window.
    await bulletinSettings.update({ starMinRatings: 2, bottomN: 1 }, null);
  });
  after(async () => {
    bulletinSettings.clearCache();
    await app.close();
  });

  it('computes the figures, scores and ranks of the hand-computed fixture', async () => {
    const res = await manager.gql(GENERATE, { p: { key: '2031-B2' } });
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    bulletin = res.data.generateBulletin;
    expect(bulletin).to.deep.include({ status: 'DRAFT', number: null, title: '2031年3—4月窗口服务工作简报' });
    expect(bulletin.period).to.deep.equal({
      key: '2031-B2',
      label: '2031年3—4月',
      from: '2031-03-01',
      to: '2031-04-30',
    });
    expect(bulletin.previousPeriod.key).to.equal('2031-B1');
    // The suspect rating and the pending violation do not count.
    expect(bulletin.center).to.deep.include({
      ratings: 10,
      good: 7,
      bad: 2,
      complaints: 1,
      upheld: 1,
      violations: 1,
      accepted: 150,
      completed: 140,
    });

    // Windows (weights 40/20/20/10/10; parts without data drop out and the rest are scaled):
    //  B01 ratings 75 (3/4 good), attendance 100, inspections 100, complaints 100, cases 50×0.9+50×0.9 = 90
    //      → (75×40 + 100×20 + 100×20 + 100×10 + 90×10) / 100 = 89
    //  B02 ratings 100, attendance 50 (away without reason), inspections 100 (pending not counted),
    //      complaints 100 − 20 (one upheld) = 80, no cases → 7800 / 90 = 86.67
    //  C01 ratings 50 − 2 (a follow-up closed late) = 48, attendance 100 (excused), inspections
    //      100 − 10×1 point = 90, complaints 100, no cases (DSJ's are counted without a window) → 6720 / 90 = 74.67
    const w = byWindow(bulletin.windows);
    expect(w.B01).to.deep.include({
      ratings: 4,
      goodRate: 0.75,
      base: 89,
      score: 89,
      grade: 'PASS',
      rank: 1,
      accepted: 100,
      completed: 90,
    });
    expect(w.B01.parts).to.deep.equal({ ratings: 75, attendance: 100, inspections: 100, complaints: 100, cases: 90 });
    expect(w.B02).to.deep.include({
      ratings: 2,
      observations: 2,
      present: 1,
      upheld: 1,
      violations: 0,
      score: 86.67,
      grade: 'PASS',
      rank: 2,
    });
    expect(w.B02.parts).to.deep.equal({ ratings: 100, attendance: 50, inspections: 100, complaints: 80, cases: null });
    expect(w.C01).to.deep.include({
      ratings: 4,
      followUpsLate: 1,
      violations: 1,
      points: 1,
      score: 74.67,
      grade: 'BASIC_PASS',
      rank: 3,
    });
    // February: B01 100, C01 (0×40 + 100×20 + 100×10) / 70 = 42.86, B02 unscored. C01 is last in
    // both periods with bottom N = 1: escalated.
    expect(w.C01).to.deep.include({
      previousScore: 42.86,
      previousRank: 2,
      rankChange: -1,
      bottom: true,
      escalated: true,
    });
    expect(w.B01).to.deep.include({ previousScore: 100, previousRank: 1, rankChange: 0, escalated: false });
    expect(w.B02).to.deep.include({ previousScore: null, rankChange: null, escalated: false });

    // Departments: GSJ ratings 5/6 → 83.33, attendance 3/4 → 75, inspections 100, complaints 80,
    // cases 90 → (83.33×40 + 75×20 + 100×20 + 80×10 + 90×10) / 100 = 85.33;
    // DSJ 48, 100, 90, 100, cases 100 (50 of 50 on time) → 7720 / 100 = 77.2.
    const d = byName(bulletin.departments);
    expect(d['市工商行政管理局']).to.deep.include({ ratings: 6, score: 85.33, grade: 'PASS', rank: 1, rankChange: 0 });
    expect(d['市地方税务局']).to.deep.include({ ratings: 4, accepted: 50, score: 77.2, grade: 'BASIC_PASS', rank: 2 });
    expect(bulletin.departmentGrades).to.deep.equal({ PASS: 1, BASIC_PASS: 1, FAIL: 0 });
    expect(bulletin.commentary).to.include('群众评价10条').and.include('好评率70.0%').and.include('C01');

    // Staff: 赵一 8000 / 90 = 88.89; 钱二 86.67; 孙三 74.67 (no cases at staff level).
    const s = byName(bulletin.staff, 'staffName');
    expect([s['赵一']!.score, s['钱二']!.score, s['孙三']!.score]).to.deep.equal([88.89, 86.67, 74.67]);
    // Smile-star candidates: enough ratings, no violation, no upheld complaint: 赵一 only.
    expect(bulletin.candidates.map((c: Row) => c.staffName)).to.deep.equal(['赵一']);
  });

  it('gives picked smile stars and their department the bonus, and refuses non-candidates', async () => {
    expect(await manager.code(PICK, { id: bulletin.id, s: [world.b02.staff] })).to.equal('VALIDATION_FAILED');
    const picked = (await manager.gql(PICK, { id: bulletin.id, s: [world.b01.staff] })).data.pickSmileStars;
    expect(byName(picked.staff, 'staffName')['赵一']).to.deep.include({
      bonus: 2,
      score: 90.89,
      smileStar: true,
      rank: 1,
    });
    expect(byName(picked.departments)['市工商行政管理局']).to.deep.include({ bonus: 2, score: 87.33 });
    expect(picked.smileStars).to.deep.equal([{ staffName: '赵一' }]);
    expect(picked.candidates[0].picked).to.equal(true);
  });

  it('ranks equal scores alike (1, 1, 3) over a custom range', async () => {
    await makeRating({
      ...world.b01,
      department: world.gsj,
      level: 'VERY_SATISFIED',
      at: new Date('2031-05-05T10:00:00+08:00'),
    });
    await makeRating({
      ...world.c01,
      department: world.dsj,
      level: 'SATISFIED',
      at: new Date('2031-05-06T10:00:00+08:00'),
    });
    await makeRating({
      ...world.b02,
      department: world.gsj,
      level: 'BASIC',
      at: new Date('2031-05-07T10:00:00+08:00'),
    });
    const res = await manager.gql(GENERATE, { p: { from: '2031-05-01', to: '2031-05-31' } });
    const w = byWindow(res.data.generateBulletin.windows);
    expect([w.B01.rank, w.C01.rank, w.B02.rank]).to.deep.equal([1, 1, 3]);
    // The previous period of a custom range is the equally long range just before it.
    expect(res.data.generateBulletin.previousPeriod.key).to.equal('2031-03-31~2031-04-30');
  });

  it('refuses bad periods, other roles and steps out of order', async () => {
    for (const p of [
      { key: '2031-B7' },
      { from: '2031-05-10', to: '2031-05-01' },
      { key: '2031', from: '2031-01-01', to: '2031-01-31' },
      {},
    ]) {
      expect(await manager.code(GENERATE, { p }), JSON.stringify(p)).to.equal('VALIDATION_FAILED');
    }
    expect(await gsjLiaison.code(GENERATE, { p: { key: '2031-B2' } })).to.equal('FORBIDDEN');
    expect(await (await as(app, 'INSPECTOR')).code(`{ bulletinPage { total } }`)).to.equal('FORBIDDEN');
    expect(await gsjLiaison.code(GET, { id: bulletin.id })).to.equal('NOT_FOUND');
    expect(await manager.code(step('publishBulletin'), { id: bulletin.id })).to.equal('INVALID_STATE');
    expect((await manager.gql(step('submitBulletin'), { id: bulletin.id })).data.submitBulletin.status).to.equal(
      'IN_REVIEW',
    );
    expect(await manager.code(step('submitBulletin'), { id: bulletin.id })).to.equal('INVALID_STATE');
    expect(await manager.code(step('regenerateBulletin'), { id: bulletin.id })).to.equal('INVALID_STATE');
    expect(await manager.code(GENERATE, { p: { key: '2031-B2' } })).to.equal('INVALID_STATE');
    const edited = await manager.gql(TEXT, {
      id: bulletin.id,
      i: { commentary: '本期总体平稳。\n请各部门及时签收。' },
    });
    expect(edited.data.updateBulletinText.commentary).to.equal('本期总体平稳。\n请各部门及时签收。');
    expect(await manager.code(TEXT, { id: bulletin.id, i: { commentary: '   ' } })).to.equal('VALIDATION_FAILED');
  });

  it('publishes with a number and keeps the snapshot when late data arrives', async () => {
    const published = (await manager.gql(step('publishBulletin'), { id: bulletin.id })).data.publishBulletin;
    expect(published).to.deep.include({ status: 'PUBLISHED', number: `〔${centreYear()}〕第1期` });
    expect(await manager.code(TEXT, { id: bulletin.id, i: { commentary: '改' } })).to.equal('INVALID_STATE');
    // A late rating and a newly confirmed violation in March change nothing in the published bulletin.
    await makeRating({
      ...world.b02,
      department: world.gsj,
      level: 'VERY_DISSATISFIED',
      at: new Date('2031-03-20T10:00:00+08:00'),
    });
    const after = (await manager.gql(GET, { id: bulletin.id })).data.bulletin;
    expect(after.center.ratings).to.equal(10);
    expect(byWindow(after.windows).B02.score).to.equal(86.67);
    expect(after.receipts.map((r: Row) => r.departmentName)).to.include.members(['市工商行政管理局', '市地方税务局']);
  });

  it("shows a liaison its department's part only, and takes its acknowledgement", async () => {
    const seen = (await gsjLiaison.gql(GET, { id: bulletin.id })).data.bulletin;
    expect(seen.windows.map((w: Row) => w.windowCode).sort()).to.deep.equal(['B01', 'B02']);
    expect(seen.staff.map((s: Row) => s.staffName).sort()).to.deep.equal(['赵一', '钱二']);
    expect(seen.candidates).to.deep.equal([]);
    expect(seen.receipts.map((r: Row) => r.departmentName)).to.deep.equal(['市工商行政管理局']);
    const part = (await gsjLiaison.gql(PART, { id: bulletin.id, d: world.gsj })).data.bulletinPart;
    expect(part).to.deep.include({ rankedDepartments: 2, smileStars: [{ staffName: '赵一' }] });
    expect(part.department).to.deep.equal({ departmentName: '市工商行政管理局', score: 87.33, rank: 1 });
    expect(await gsjLiaison.code(PART, { id: bulletin.id, d: world.dsj })).to.equal('FORBIDDEN');
    const outsider = await as(app, 'DEPARTMENT', await makeDepartment('ZJW', '市住建委'));
    expect(await outsider.code(PART, { id: bulletin.id, d: world.gsj })).to.equal('FORBIDDEN');
    // The control: its list holds the published bulletin (every department's list does: only the parts are its own).
    const list = (await gsjLiaison.gql(`{ bulletinPage { items { id } } }`)).data.bulletinPage.items;
    expect(list).to.deep.equal([{ id: bulletin.id }]);

    const ACK = `mutation($id: ID!) { acknowledgeBulletin(id: $id) { receipts { acknowledgedAt } } }`;
    const acked = (await gsjLiaison.gql(ACK, { id: bulletin.id })).data.acknowledgeBulletin.receipts[0].acknowledgedAt;
    expect(acked).to.be.a('string');
    expect(
      (await gsjLiaison.gql(ACK, { id: bulletin.id })).data.acknowledgeBulletin.receipts[0].acknowledgedAt,
    ).to.equal(acked);
    expect(await manager.code(ACK, { id: bulletin.id })).to.equal('FORBIDDEN');
  });

  it('renders a PDF with the right title and figures; a liaison gets its own part only', async () => {
    const get = (c: typeof manager, query = '') =>
      fetch(`${app.url}/api/bulletins/${bulletin.id}.pdf${query}`, { headers: { cookie: c.cookie! } });
    const whole = await get(manager);
    expect(whole.status).to.equal(200);
    expect(whole.headers.get('content-type')).to.equal('application/pdf');
    const text = await pdfText(await whole.arrayBuffer());
    expect(text)
      .to.include('窗口服务工作简报')
      .and.include(`〔${centreYear()}〕第1期`)
      .and.include('2031年3—4月窗口服务工作简报');
    expect(text)
      .to.include('市地方税务局')
      .and.include('87.33')
      .and.include('77.20')
      .and.include('74.67')
      .and.include('赵一');

    const own = await pdfText(await (await get(gsjLiaison)).arrayBuffer());
    expect(own).to.include('（市工商行政管理局）').and.include('B02').and.include('86.67').and.not.include('C01');
    expect((await get(gsjLiaison, `?department=${world.dsj}`)).status).to.equal(403);
    expect((await fetch(`${app.url}/api/bulletins/${bulletin.id}.pdf`)).status).to.equal(401);
  });

  it('lets the center change the scoring rules within their bounds', async () => {
    const UPDATE = `mutation($i: BulletinSettingsInput!) { updateBulletinSettings(input: $i) { weightCases passScore basicScore } }`;
    expect(await gsjLiaison.code(UPDATE, { i: { weightCases: 20 } })).to.equal('FORBIDDEN');
    expect(await gsjLiaison.code(`{ bulletinSettings { passScore } }`)).to.equal('FORBIDDEN');
    expect(await manager.code(UPDATE, { i: { basicScore: 90 } })).to.equal('VALIDATION_FAILED');
    expect(await manager.code(UPDATE, { i: { weightCases: -1 } })).to.equal('VALIDATION_FAILED');
    expect((await manager.gql(UPDATE, { i: { weightCases: 20 } })).data.updateBulletinSettings).to.deep.equal({
      weightCases: 20,
      passScore: 80,
      basicScore: 60,
    });
    // The published bulletin keeps the rules it was scored with.
    expect(byWindow((await manager.gql(GET, { id: bulletin.id })).data.bulletin.windows).B01.score).to.equal(89);
  });

  it('publishes a summary without personal data on the public page', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1' },
      body: JSON.stringify({
        query: `{ publicBulletin { number period { key } totals { ratings goodRate } departments { departmentName score rank } smileStars { name } } }`,
      }),
    });
    const body = (await res.json()) as { data: { publicBulletin: Row } };
    const pub = body.data.publicBulletin;
    expect(pub.period.key).to.equal('2031-B2');
    expect(pub.totals).to.deep.equal({ ratings: 10, goodRate: 0.7 });
    expect(pub.departments[0]).to.deep.equal({ departmentName: '市工商行政管理局', score: 87.33, rank: 1 });
    expect(pub.smileStars).to.deep.equal([{ name: '赵一' }]);
    expect(JSON.stringify(body)).to.not.include('钱二').and.not.include('孙三');
  });
});
