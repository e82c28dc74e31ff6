import { expect } from 'chai';
import { Types } from 'mongoose';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { makeRating, staffClient } from '../helpers/fixtures.js';
import { makeHall } from '../helpers/patrol.js';

// Appeals carry evidence, have a deadline in working days and are decided by a second person;
// a 通报 appeal names the lines it contests.
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) {
    state decidedByName allowedActions attachments { url contentType action } } }`;
// The smallest valid PNG: signature, IHDR, IDAT, IEND.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('appeals: evidence, deadline and four eyes', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let liaison: Client;
  let managerA: Client;
  let managerB: Client;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    liaison = await staffClient(app.url, 'DEPARTMENT', hall.gsj);
    managerA = await staffClient(app.url, 'MANAGER');
    managerB = await staffClient(app.url, 'MANAGER');
  });
  after(() => app.close());

  async function followUp(at = new Date()) {
    const id = await makeRating({ window: hall.b01.window, department: hall.gsj, level: 'DISSATISFIED', at });
    await openFollowUp((await RatingModel.findById(id).lean<Rating>())!, await ratingSettings.get());
    return String((await FollowUpModel.findOne({ rating: id }).lean())!._id);
  }
  const upload = (c: Client, path: string, body: Buffer) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { cookie: c.cookie ?? '', 'x-wfp-csrf': '1' },
      body: new Uint8Array(body),
    });
  const step = async (c: Client, id: string, action: string, input?: object) => {
    const r = await c.gql(ADVANCE, { id, action, input });
    return { f: r.data?.advanceFollowUp, code: r.errors?.[0]?.extensions?.code as string | undefined };
  };

  it('takes photos and PDFs as evidence, checked by their bytes, for the department only', async () => {
    const id = await followUp();
    const png = await upload(liaison, `/api/follow-ups/${id}/evidence`, PNG);
    expect(png.status).to.equal(201);
    const pdf = await upload(liaison, `/api/follow-ups/${id}/evidence`, PDF);
    expect(pdf.status).to.equal(201);
    const text = await upload(liaison, `/api/follow-ups/${id}/evidence`, Buffer.from('not really a PDF'));
    expect(text.status).to.equal(415);
    const other = await staffClient(app.url, 'DEPARTMENT', hall.dsj);
    expect((await upload(other, `/api/follow-ups/${id}/evidence`, PNG)).status).to.equal(403);

    const ids = [((await png.json()) as { id: string }).id, ((await pdf.json()) as { id: string }).id];
    const appealed = await step(liaison, id, 'appeal', {
      note: '该群众未在本窗口办事，有监控截图',
      attachmentIds: ids,
    });
    expect(appealed.f.attachments.map((a: { contentType: string }) => a.contentType)).to.deep.equal([
      'image/png',
      'application/pdf',
    ]);
    // The evidence is readable by the centre; a file cannot be claimed by another follow-up.
    const file = await fetch(`${app.url}${appealed.f.attachments[0].url}`, { headers: { cookie: managerA.cookie! } });
    expect(file.status).to.equal(200);
    const second = await followUp();
    expect((await step(liaison, second, 'appeal', { note: 'x', attachmentIds: ids })).code).to.equal(
      'VALIDATION_FAILED',
    );
  });

  it('is decided by a different person from the one who filed or prepared it', async () => {
    const id = await followUp();
    await step(managerA, id, 'verify', { finding: '系误评', category: 'MISTAKEN' });
    await step(managerA, id, 'appeal', { note: '经核实属误评' });
    const same = await step(managerA, id, 'exclude', { note: '同意' });
    expect(same.code).to.equal('SAME_PERSON');
    // The page offers the filer no decision and says someone else decides; the second manager gets both.
    const view = '{ followUp(id: "ID") { allowedActions waitsForOtherDecider } }'.replace('ID', id);
    expect((await managerA.gql(view)).data.followUp).to.deep.equal({ allowedActions: [], waitsForOtherDecider: true });
    expect((await managerB.gql(view)).data.followUp).to.deep.equal({
      allowedActions: ['exclude', 'reinstate'],
      waitsForOtherDecider: false,
    });
    expect((await FollowUpModel.findById(id).lean())!.state).to.equal('APPEALED');
    const decided = await step(managerB, id, 'exclude', { note: '经复核监控，同意剔除' });
    expect(decided.f).to.include({ state: 'EXCLUDED' });
    expect(decided.f.decidedByName).to.be.a('string').and.not.equal('');
    const doc = (await FollowUpModel.findById(id).lean())!;
    expect(String(doc.decidedBy)).to.not.equal(String(doc.appealedBy));
    expect(doc.decisionReason).to.equal('经复核监控，同意剔除');
  });

  it('closes the appeal period after the configured working days', async () => {
    await ratingSettings.update({ appealDays: 1 }, null);
    try {
      const fresh = await followUp();
      expect((await step(liaison, fresh, 'verify', { finding: 'f', category: 'OTHER' })).f.allowedActions).to.include(
        'appeal',
      );
      // Rated three weeks ago: one working day has long passed.
      const old = await followUp(new Date(Date.now() - 21 * 86_400_000));
      const refused = await step(liaison, old, 'appeal', { note: '误评' });
      expect(refused.code).to.equal('INVALID_STATE');
      const doc = (await FollowUpModel.findById(old).lean())!;
      expect(doc.state).to.equal('OPEN');
      expect(doc.appealDueAt!.getTime()).to.be.lessThan(Date.now());
    } finally {
      await ratingSettings.update({ appealDays: 3 }, null);
    }
  });

  describe('a 通报 appeal names the lines it contests', () => {
    const NOTICE_APPEAL = `mutation($id: ID!, $t: String!, $v: [ID!], $a: [ID!]) {
      appealNotice(id: $id, text: $t, violationIds: $v, attachmentIds: $a) {
        receipts { appeal { violationIds attachmentUrls } } } }`;
    const DECIDE = `mutation($id: ID!, $d: ID!) {
      decideNoticeAppeal(id: $id, departmentId: $d, decision: OVERTURNED, reason: "审批单属实") { id } }`;
    let noticeId: string;
    const lines: Record<string, string> = {};

    before(async () => {
      const base = { round: new Types.ObjectId(), raisedBy: new Types.ObjectId(), label: '违规', points: 1 };
      const make = async (code: string, seat: { window: string; staff: string }, dept: string) => {
        const v = await ViolationModel.create({
          ...base,
          finding: new Types.ObjectId(),
          ...seat,
          department: dept,
          code,
          observedAt: new Date('2032-05-06T10:00:00+08:00'),
          status: 'CONFIRMED',
        });
        lines[code] = String(v._id);
      };
      await make('PHONE', hall.b01, hall.gsj);
      await make('EATING', hall.b02, hall.gsj);
      await make('CHATTING', hall.c01, hall.dsj);
      const ok = async (q: string, v: Record<string, unknown>) => {
        const r = await managerA.gql(q, v);
        expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
        return r.data;
      };
      const draft = await ok('mutation($i: NoticeDraftInput!) { createNoticeDraft(input: $i) { id } }', {
        i: { periodFrom: '2032-05-01', periodTo: '2032-05-31', departmentIds: [hall.gsj, hall.dsj] },
      });
      noticeId = draft.createNoticeDraft.id;
      await ok('mutation($id: ID!) { approveNotice(id: $id) { id } }', { id: noticeId });
      await ok('mutation($id: ID!) { publishNotice(id: $id) { id } }', { id: noticeId });
    });

    it('refuses a line of another department, and upholding dismisses only the named line', async () => {
      const wrong = await liaison.gql(NOTICE_APPEAL, { id: noticeId, t: '不服', v: [lines.CHATTING] });
      expect(wrong.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
      const pdf = await upload(liaison, `/api/notices/${noticeId}/evidence`, PDF);
      expect(pdf.status).to.equal(201);
      const appealed = await liaison.gql(NOTICE_APPEAL, {
        id: noticeId,
        t: '该员工当时经批准外出取件，附审批单',
        v: [lines.PHONE],
        a: [((await pdf.json()) as { id: string }).id],
      });
      const appeal = appealed.data.appealNotice.receipts[0].appeal;
      expect(appeal.violationIds).to.deep.equal([lines.PHONE]);
      expect(appeal.attachmentUrls).to.have.length(1);
      const decided = await managerB.gql(DECIDE, { id: noticeId, d: hall.gsj });
      expect(decided.errors).to.equal(undefined);
      const status = async (code: string) => (await ViolationModel.findById(lines[code]).lean())!.status;
      expect([await status('PHONE'), await status('EATING'), await status('CHATTING')]).to.deep.equal([
        'DISMISSED',
        'CONFIRMED',
        'CONFIRMED',
      ]);
    });
  });
});
