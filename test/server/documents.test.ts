import { expect } from 'chai';
import { Types } from 'mongoose';
import type { SessionUser } from '../../server/src/graphql/context.js';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { assignNumber, centreYear } from '../../server/src/domains/documents/numbering.js';
import { acknowledge, receiptsFor } from '../../server/src/domains/documents/receipts.js';
import { listScope, partFor, readable, visibleParts } from '../../server/src/domains/documents/visibility.js';
import { invalidState } from '../../server/src/graphql/errors.js';
import { NoticeModel, type Notice } from '../../server/src/domains/notices/notice.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

// The documents module on its own, against the database: yearly numbers by the centre's
// calendar, receipts acknowledged once, and what a liaison may see of a document.

const user = (role: SessionUser['role'], departmentId: string | null = null, name: string = role): SessionUser => ({
  id: new Types.ObjectId().toHexString(),
  username: name.toLowerCase(),
  displayName: name,
  role,
  departmentId,
});

const draftNotice = async (departments: string[] = []) =>
  (
    await NoticeModel.create({
      title: '关于违规行为的通报',
      body: '各进驻部门：\n正文。',
      periodFrom: '2030-12-01',
      periodTo: '2030-12-31',
      departments,
      createdBy: new Types.ObjectId(),
    })
  ).toObject() as unknown as Notice;

describe('documents: numbering, receipts, visibility', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  describe('yearly numbers', () => {
    // 2030-12-31T16:00Z is midnight on New Year's Day 2031 in Shanghai, still 2030 in UTC.
    const lastSecondOf2030 = new Date('2030-12-31T15:59:59Z');
    const firstSecondOf2031 = new Date('2030-12-31T16:00:00Z');

    it("takes the year of the centre's calendar, not the machine's", () => {
      expect(firstSecondOf2031.getUTCFullYear()).to.equal(2030); // the control: UTC says 2030
      expect(centreYear(lastSecondOf2030)).to.equal(2030);
      expect(centreYear(firstSecondOf2031)).to.equal(2031);
      // Machines east of Shanghai already count 2032 here; the centre does not.
      expect(centreYear(new Date('2031-12-31T15:30:00Z'))).to.equal(2031);
    });

    it('counts from 1 again at the Shanghai new year, per kind, and keeps a number once given', async () => {
      const number = async (at: Date) => (await assignNumber('notice', NoticeModel, await draftNotice(), at)).number;
      expect(await number(lastSecondOf2030)).to.equal('〔2030〕第1号');
      expect(await number(lastSecondOf2030)).to.equal('〔2030〕第2号');
      expect(await number(firstSecondOf2031)).to.equal('〔2031〕第1号');
      expect(await number(new Date('2031-06-01T02:00:00Z'))).to.equal('〔2031〕第2号');

      const numbered = await assignNumber('notice', NoticeModel, await draftNotice(), firstSecondOf2031);
      expect(numbered).to.include({ number: '〔2031〕第3号', year: 2031, seq: 3 });
      const again = await assignNumber('notice', NoticeModel, numbered, new Date('2032-03-01T00:00:00Z'));
      expect(again.number).to.equal('〔2031〕第3号');
      // Bulletins count on their own, as 期.
      const bulletin = await BulletinModel.create({
        period: { kind: 'YEAR', key: '2031', from: '2031-01-01', to: '2031-12-31', label: '2031年' },
        title: '简报',
        snapshot: { departments: [] },
        generatedAt: new Date(),
        generatedBy: new Types.ObjectId(),
      });
      const b = await assignNumber('bulletin', BulletinModel, bulletin.toObject(), firstSecondOf2031);
      expect(b.number).to.equal('〔2031〕第1期');
    });

    it('gives documents numbered at the same moment distinct numbers without gaps', async () => {
      const at = new Date('2033-05-01T02:00:00Z');
      const docs = await Promise.all(Array.from({ length: 12 }, () => draftNotice()));
      const numbered = await Promise.all(docs.map((d) => assignNumber('notice', NoticeModel, d, at)));
      const seqs = numbered.map((n) => n.seq).sort((a, b) => a! - b!);
      expect(seqs).to.deep.equal(Array.from({ length: 12 }, (_, i) => i + 1));
    });
  });

  describe('receipts', () => {
    const dept = new Types.ObjectId().toHexString();
    const other = new Types.ObjectId().toHexString();
    const published = async () => {
      const n = await draftNotice([dept, other]);
      return (await NoticeModel.findByIdAndUpdate(
        n._id,
        { status: 'PUBLISHED', receipts: receiptsFor([dept, other]) },
        { new: true },
      ).lean<Notice>())!;
    };
    const missing = () => invalidState('no receipt');

    it('records who acknowledged and when, once: a second acknowledgement changes nothing', async () => {
      const notice = await published();
      const first = user('DEPARTMENT', dept, '张联络');
      const acked = await acknowledge(NoticeModel, first, notice, missing);
      const mine = acked.receipts.find((r) => String(r.department) === dept)!;
      expect(mine.acknowledgedAt).to.be.instanceOf(Date);
      expect(mine).to.include({ acknowledgedByName: '张联络' });
      expect(String(mine.acknowledgedBy)).to.equal(first.id);
      // The other department's receipt is untouched.
      expect(acked.receipts.find((r) => String(r.department) === other)!.acknowledgedAt).to.equal(null);

      const later = await acknowledge(NoticeModel, user('DEPARTMENT', dept, '李联络'), acked, missing);
      const stored = (await NoticeModel.findById(notice._id).lean<Notice>())!.receipts[0]!;
      for (const r of [later.receipts[0]!, stored]) {
        expect(r.acknowledgedAt!.getTime()).to.equal(mine.acknowledgedAt!.getTime());
        expect(r.acknowledgedByName).to.equal('张联络');
      }
    });

    it('takes one of several racing acknowledgements', async () => {
      const notice = await published();
      const names = ['甲', '乙', '丙', '丁', '戊'];
      const answers = await Promise.all(
        names.map((n) => acknowledge(NoticeModel, user('DEPARTMENT', dept, n), notice, missing)),
      );
      const stored = (await NoticeModel.findById(notice._id).lean<Notice>())!.receipts[0]!;
      expect(names).to.include(stored.acknowledgedByName);
      // Every request answers with the one acknowledgement that was kept.
      expect(answers.map((a) => a.receipts[0]!.acknowledgedByName)).to.deep.equal(
        names.map(() => stored.acknowledgedByName),
      );
    });

    it('refuses a department without a receipt, and leaves an unpublished document alone', async () => {
      const notice = await published();
      let error: unknown;
      await acknowledge(NoticeModel, user('DEPARTMENT', new Types.ObjectId().toHexString()), notice, missing).catch(
        (e: unknown) => (error = e),
      );
      expect(error).to.have.nested.property('extensions.code', 'INVALID_STATE');

      await NoticeModel.updateOne({ _id: notice._id }, { status: 'APPROVED' });
      await acknowledge(NoticeModel, user('DEPARTMENT', dept), notice, missing);
      expect((await NoticeModel.findById(notice._id).lean<Notice>())!.receipts[0]!.acknowledgedAt).to.equal(null);
    });
  });

  describe('what a liaison sees', () => {
    const own = new Types.ObjectId().toHexString();
    const other = new Types.ObjectId().toHexString();
    const liaison = user('DEPARTMENT', own);
    const manager = user('MANAGER');
    const rows = [{ d: own }, { d: other }, { d: own }];
    const doc = (status: string, departments = [own]) => ({ status, departments });
    const codeOf = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as { extensions?: { code?: string } }).extensions?.code;
      }
    };

    it("keeps a liaison's rows to its own department; the centre sees all", () => {
      expect(visibleParts(liaison, rows, (r) => r.d)).to.deep.equal([{ d: own }, { d: own }]);
      expect(visibleParts(manager, rows, (r) => r.d)).to.deep.equal(rows);
    });

    it('lists published documents addressed to its department to a liaison; every one to the centre', () => {
      expect(listScope(manager, 'departments')).to.deep.equal({});
      const scope = listScope(liaison, 'departments');
      expect(scope.status).to.equal('PUBLISHED');
      expect(String(scope.departments)).to.equal(own);
      expect(listScope(liaison)).to.deep.equal({ status: 'PUBLISHED' });
    });

    it('hides drafts from a liaison and forbids it documents addressed to others', () => {
      const to = (d: { departments: string[] }) => d.departments;
      expect(readable(liaison, doc('PUBLISHED'), 'Notice', to)).to.deep.equal(doc('PUBLISHED'));
      expect(codeOf(() => readable(liaison, doc('APPROVED'), 'Notice', to))).to.equal('NOT_FOUND');
      expect(codeOf(() => readable(liaison, doc('PUBLISHED', [other]), 'Notice', to))).to.equal('FORBIDDEN');
      expect(codeOf(() => readable<ReturnType<typeof doc>>(liaison, null, 'Notice', to))).to.equal('NOT_FOUND');
      expect(readable(manager, doc('DRAFT', [other]), 'Notice', to).status).to.equal('DRAFT');
    });

    it('gives a liaison its own part only and the centre the part it asks for', () => {
      expect(partFor(liaison)).to.equal(own);
      expect(partFor(liaison, own)).to.equal(own);
      expect(codeOf(() => partFor(liaison, other))).to.equal('FORBIDDEN');
      expect(partFor(manager)).to.equal(null);
      expect(partFor(manager, other)).to.equal(other);
    });
  });
});
