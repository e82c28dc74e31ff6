import { expect } from 'chai';
import { Types } from 'mongoose';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { NoticeModel } from '../../server/src/domains/notices/notice.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';
import { as, makeHall } from '../helpers/patrol.js';
import { localDate } from '../../common/time.js';

const DRAFT = `mutation($i: NoticeDraftInput!) { createNoticeDraft(input: $i) { id status number title body violations { id } departments { code } } }`;
const APPROVE = `mutation($id: ID!) { approveNotice(id: $id) { status number } }`;
const PUBLISH = `mutation($id: ID!) { publishNotice(id: $id) { status number publishedAt appealDeadline receipts { department { code } } } }`;
const NOTICE = `query($id: ID!) { notice(id: $id) { id number title departments { code } violations { code department { code } } receipts { department { code } acknowledgedAt appeal { text decision } } } }`;
const ACK = `mutation($id: ID!) { acknowledgeNotice(id: $id) { receipts { acknowledgedAt acknowledgedByName } } }`;
const APPEAL = `mutation($id: ID!, $t: String!) { appealNotice(id: $id, text: $t) { receipts { appeal { text decision } } } }`;
const DECIDE = `mutation($id: ID!, $d: ID!, $x: AppealDecision!, $r: String!) { decideNoticeAppeal(id: $id, departmentId: $d, decision: $x, reason: $r) { receipts { appeal { decision reason } } } }`;

describe('violation notices (通报)', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let manager: Awaited<ReturnType<typeof as>>;
  let gsjLiaison: Awaited<ReturnType<typeof as>>;
  let noticeId: string;
  const year = localDate(new Date()).slice(0, 4); // the centre's year (Shanghai), not the machine's

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    manager = await as(app, 'MANAGER');
    gsjLiaison = await as(app, 'DEPARTMENT', hall.gsj);
    // Confirmed violations in March 2031 (two for GSJ, one for DSJ), one pending, one in April.
    const base = {
      round: new Types.ObjectId(),
      finding: new Types.ObjectId(),
      raisedBy: new Types.ObjectId(),
      label: '玩手机、打游戏',
      points: 1,
    };
    const make = (
      seat: { window: string; staff: string },
      department: string,
      code: string,
      day: string,
      status = 'CONFIRMED',
    ) =>
      ViolationModel.create({
        ...base,
        finding: new Types.ObjectId(),
        window: seat.window,
        staff: seat.staff,
        department,
        code,
        observedAt: new Date(`${day}T10:30:00+08:00`),
        status,
      });
    await make(hall.b01, hall.gsj, 'PHONE', '2031-03-03');
    await make(hall.b02, hall.gsj, 'EATING', '2031-03-12');
    await make(hall.c01, hall.dsj, 'CHATTING', '2031-03-20');
    await make(hall.c01, hall.dsj, 'DESK', '2031-03-21', 'PENDING');
    await make(hall.b01, hall.gsj, 'ATTITUDE', '2031-04-02');
  });
  after(() => app.close());

  it('drafts a notice from the confirmed violations of the period, unnumbered and hidden from liaisons', async () => {
    const res = await manager.gql(DRAFT, {
      i: { periodFrom: '2031-03-01', periodTo: '2031-03-31', departmentIds: [hall.gsj, hall.dsj] },
    });
    expect(res.errors).to.equal(undefined);
    const draft = res.data.createNoticeDraft;
    noticeId = draft.id;
    expect(draft).to.include({ status: 'DRAFT', number: null, title: '关于2031年3月窗口工作人员违规行为的通报' });
    expect(draft.violations).to.have.length(3);
    expect(draft.departments.map((d: { code: string }) => d.code).sort()).to.deep.equal(['DSJ', 'GSJ']);
    expect(draft.body).to.include('违规行为3起').and.include('5个工作日内');
    // Its violations are taken: a second draft for the same period finds none.
    expect(
      await manager.code(DRAFT, { i: { periodFrom: '2031-03-01', periodTo: '2031-03-31', departmentIds: [hall.gsj] } }),
    ).to.equal('VALIDATION_FAILED');
    expect(await gsjLiaison.code(NOTICE, { id: noticeId })).to.equal('NOT_FOUND');
    expect((await gsjLiaison.gql(`{ noticePage { total } }`)).data.noticePage.total).to.equal(0);
  });

  it('numbers notices per year at approval and refuses steps out of order', async () => {
    expect(await manager.code(PUBLISH, { id: noticeId })).to.equal('INVALID_STATE');
    expect((await manager.gql(APPROVE, { id: noticeId })).data.approveNotice).to.deep.equal({
      status: 'APPROVED',
      number: `〔${year}〕第1号`,
    });
    expect(await manager.code(APPROVE, { id: noticeId })).to.equal('INVALID_STATE');
    const edit = `mutation($id: ID!) { updateNoticeDraft(id: $id, input: { title: "改" }) { id } }`;
    expect(await manager.code(edit, { id: noticeId })).to.equal('INVALID_STATE');
    const second = (
      await manager.gql(DRAFT, { i: { periodFrom: '2031-04-01', periodTo: '2031-04-30', departmentIds: [hall.gsj] } })
    ).data.createNoticeDraft;
    expect((await manager.gql(APPROVE, { id: second.id })).data.approveNotice.number).to.equal(`〔${year}〕第2号`);

    const published = (await manager.gql(PUBLISH, { id: noticeId })).data.publishNotice;
    expect(published.status).to.equal('PUBLISHED');
    expect(new Date(published.appealDeadline).getTime()).to.be.greaterThan(
      new Date(published.publishedAt).getTime() + 5 * 86_400_000,
    );
    expect(published.receipts.map((r: { department: { code: string } }) => r.department.code).sort()).to.deep.equal([
      'DSJ',
      'GSJ',
    ]);
  });

  it('refuses drafting and approving to liaisons and inspectors', async () => {
    const inspector = await as(app, 'INSPECTOR');
    expect(await inspector.code(`{ noticePage { total } }`)).to.equal('FORBIDDEN');
    expect(await gsjLiaison.code(APPROVE, { id: noticeId })).to.equal('FORBIDDEN');
    expect(
      await gsjLiaison.code(DRAFT, {
        i: { periodFrom: '2031-03-01', periodTo: '2031-03-31', departmentIds: [hall.gsj] },
      }),
    ).to.equal('FORBIDDEN');
    expect(
      await manager.code(DRAFT, { i: { periodFrom: '2031-03-31', periodTo: '2031-03-01', departmentIds: [] } }),
    ).to.equal('VALIDATION_FAILED');
  });

  it("shows a liaison its department's part, takes its acknowledgement and one appeal", async () => {
    const seen = (await gsjLiaison.gql(NOTICE, { id: noticeId })).data.notice;
    expect(seen.number).to.equal(`〔${year}〕第1号`);
    expect(seen.violations.map((v: { department: { code: string } }) => v.department.code)).to.deep.equal([
      'GSJ',
      'GSJ',
    ]);
    expect(seen.receipts.map((r: { department: { code: string } }) => r.department.code)).to.deep.equal(['GSJ']);

    const acked = (await gsjLiaison.gql(ACK, { id: noticeId })).data.acknowledgeNotice.receipts[0];
    expect(acked.acknowledgedAt).to.be.a('string');
    expect((await gsjLiaison.gql(ACK, { id: noticeId })).data.acknowledgeNotice.receipts[0].acknowledgedAt).to.equal(
      acked.acknowledgedAt,
    );

    const appealed = await gsjLiaison.gql(APPEAL, { id: noticeId, t: '当日该员工经批准外出取件，有审批单为证' });
    expect(appealed.data.appealNotice.receipts[0].appeal).to.deep.equal({
      text: '当日该员工经批准外出取件，有审批单为证',
      decision: null,
    });
    expect(await gsjLiaison.code(APPEAL, { id: noticeId, t: '再次申诉' })).to.equal('INVALID_STATE');
    expect(await gsjLiaison.code(APPEAL, { id: noticeId, t: '   ' })).to.equal('VALIDATION_FAILED');
  });

  it('keeps other departments out', async () => {
    const outsider = await as(app, 'DEPARTMENT', await makeDepartment('ZJW', '市住建委'));
    expect(await outsider.code(NOTICE, { id: noticeId })).to.equal('FORBIDDEN');
    expect(await outsider.code(ACK, { id: noticeId })).to.equal('FORBIDDEN');
    expect((await outsider.gql(`{ noticePage { total } }`)).data.noticePage.total).to.equal(0);
    // The control: a department it names has it in its list.
    const own = (await gsjLiaison.gql(`{ noticePage { items { id } } }`)).data.noticePage.items;
    expect(own.map((n: { id: string }) => n.id)).to.deep.equal([noticeId]);
  });

  it('closes appeals after the deadline', async () => {
    const dsj = await as(app, 'DEPARTMENT', hall.dsj);
    await NoticeModel.updateOne({ _id: noticeId }, { appealDeadline: new Date(Date.now() - 1000) });
    expect(await dsj.code(APPEAL, { id: noticeId, t: '不服' })).to.equal('INVALID_STATE');
  });

  it("records the manager's decision; overturning dismisses the department's violations only", async () => {
    expect(await gsjLiaison.code(DECIDE, { id: noticeId, d: hall.gsj, x: 'OVERTURNED', r: 'x' })).to.equal('FORBIDDEN');
    expect(await manager.code(DECIDE, { id: noticeId, d: hall.dsj, x: 'UPHELD', r: '无申诉' })).to.equal(
      'INVALID_STATE',
    );
    const res = await manager.gql(DECIDE, { id: noticeId, d: hall.gsj, x: 'OVERTURNED', r: '审批单属实' });
    expect(res.data.decideNoticeAppeal.receipts.find((r: { appeal: unknown }) => r.appeal).appeal).to.deep.equal({
      decision: 'OVERTURNED',
      reason: '审批单属实',
    });
    const inNotice = await ViolationModel.find({ notice: noticeId }).lean();
    expect(
      inNotice.map((v) => [String(v.department) === hall.gsj ? 'GSJ' : 'DSJ', v.status, v.overturned]).sort(),
    ).to.deep.equal([
      ['DSJ', 'CONFIRMED', false],
      ['GSJ', 'DISMISSED', true],
      ['GSJ', 'DISMISSED', true],
    ]);
    expect(await manager.code(DECIDE, { id: noticeId, d: hall.gsj, x: 'UPHELD', r: '再议' })).to.equal('INVALID_STATE');
  });

  describe('PDF', () => {
    const get = (c: Client, id = noticeId) =>
      fetch(`${app.url}/api/notices/${id}.pdf`, { headers: c.cookie ? { cookie: c.cookie } : {} });

    it('renders the formal document with its title, number and list', async () => {
      const res = await get(manager);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/pdf');
      const text = await pdfText(await res.arrayBuffer());
      expect(text).to.include('关于2031年3月窗口工作人员违规行为的通报');
      expect(text).to.include(`〔${year}〕第1号`);
      expect(text).to.include('附表：违规行为一览').and.include('赵一').and.include('孙三');
    });

    it("gives a liaison its department's part and refuses others", async () => {
      const text = await pdfText(await (await get(gsjLiaison)).arrayBuffer());
      expect(text).to.include('赵一').and.not.include('孙三');
      const outsider = await as(app, 'DEPARTMENT', await makeDepartment('MZJ', '市民政局'));
      expect((await get(outsider)).status).to.equal(403);
      expect((await get(new Client(app.url))).status).to.equal(401);
      expect((await get(await as(app, 'INSPECTOR'))).status).to.equal(403);
    });

    it('says clearly when the CJK font is missing', async () => {
      process.env.PDF_FONT = '/nonexistent/font.ttc';
      try {
        const res = await get(manager);
        expect(res.status).to.equal(503);
        expect(JSON.stringify(await res.json())).to.include('fonts-noto-cjk');
      } finally {
        delete process.env.PDF_FONT;
      }
    });
  });
});
