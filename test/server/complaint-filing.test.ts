import { expect } from 'chai';
import mongoose from 'mongoose';
import QRCode from 'qrcode';
import { addWorkingDays } from '../../server/src/domains/calendar/calendar.service.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { complaintInput, errorCode, fileComplaint, PHONE, STATUS, SUBMIT, uploadPhoto } from '../helpers/complaints.js';
import { makeDepartment, makeStaff, makeWindow } from '../helpers/fixtures.js';

const CODE = /^TS-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
const files = () => mongoose.connection.db!.collection('files.files');

describe('complaints: filing, photos and lookups', () => {
  let app: TestApp;
  let citizen: Client;
  let png: Buffer;
  let gsj: string;
  let onDuty: string;
  let otherDeptStaff: string;

  before(async () => {
    app = await startTestApp();
    citizen = new Client(app.url);
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    const dsj = await makeDepartment('DSJ', '市地方税务局');
    const b07 = await makeWindow('B07', gsj);
    await makeWindow('C01', dsj);
    onDuty = await makeStaff('GSJ01', gsj, '周晓');
    otherDeptStaff = await makeStaff('DSJ01', dsj, '吴敏');
    await DutyModel.create({ window: b07, staff: onDuty, department: gsj, from: new Date(Date.now() - 3600_000) });
    png = await QRCode.toBuffer('a complaint photo');
  });
  after(() => app.close());

  async function upload(body = png) {
    const res = await uploadPhoto(app.url, body);
    expect(res.status).to.equal(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('offers the windows, and the staff on duty at a chosen window', async () => {
    const res = await citizen.gql(`{
      complaintTargets { departments { name } windows { code departmentId } }
      complaintTarget(windowCode: "b07") { staff { id name } }
    }`);
    expect(res.data.complaintTargets.windows.map((w: { code: string }) => w.code)).to.deep.equal(['B07', 'C01']);
    expect(res.data.complaintTarget.staff).to.deep.equal([{ id: onDuty, name: '周晓' }]);
  });

  it('files a complaint about a staff member with photos and returns a readable, unguessable code', async () => {
    const photoIds = [await upload(), await upload()];
    const before = new Date();
    const res = await citizen.gql(SUBMIT, {
      input: complaintInput({
        subjectKind: 'STAFF',
        staffId: onDuty,
        windowCode: 'b07',
        photoIds,
        phone: '138-1234-5678',
      }),
    });
    expect(res.errors).to.equal(undefined);
    const { trackingCode, lookupCode, expectedBy } = res.data.submitComplaint;
    expect(trackingCode).to.match(CODE);
    expect(lookupCode).to.equal(null);
    expect(expectedBy).to.equal((await addWorkingDays(before, 5)).toISOString());

    const doc = (await ComplaintModel.findOne({ trackingCode }).lean())!;
    expect(doc).to.include({ state: 'RECEIVED', phone: PHONE, lookupKey: '5678' });
    expect(doc.subject).to.include({
      kind: 'STAFF',
      windowCode: 'B07',
      staffName: '周晓',
      departmentName: '市工商行政管理局',
    });
    expect(doc.photos.map(String)).to.deep.equal(photoIds);
    // The photos are claimed (they cannot be claimed again) but stay under no department until
    // the complaint is assigned: no liaison reads them before (test/security/http-routes.test.ts).
    const meta = await files()
      .find({ _id: { $in: doc.photos } })
      .toArray();
    expect(meta.map((f) => f.metadata?.department)).to.deep.equal([null, null]);
    const again = await citizen.gql(SUBMIT, { input: complaintInput({ photoIds: [photoIds[0]] }) });
    expect(again.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('photoIds');
  });

  it('stores a resent submission once and answers with the same tracking code', async () => {
    const input = complaintInput({ photoIds: [await upload()] });
    const [a, b] = await Promise.all([citizen.gql(SUBMIT, { input }), citizen.gql(SUBMIT, { input })]);
    const c = await citizen.gql(SUBMIT, { input });
    expect(a.errors ?? b.errors ?? c.errors).to.equal(undefined);
    expect(b.data.submitComplaint.trackingCode).to.equal(a.data.submitComplaint.trackingCode);
    expect(c.data.submitComplaint.trackingCode).to.equal(a.data.submitComplaint.trackingCode);
    expect(await ComplaintModel.countDocuments({ clientKey: input.clientKey })).to.equal(1);
  });

  it('names every bad field of a submission', async () => {
    const res = await citizen.gql(SUBMIT, {
      input: {
        clientKey: 'not-a-uuid',
        subjectKind: 'STAFF',
        category: 'OTHER',
        description: 'x'.repeat(2001),
        photoIds: ['a', 'b', 'c', 'd'],
        anonymous: false,
        phone: '12345',
      },
    });
    expect(res.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    const paths = (res.errors![0]!.extensions!.fields as Array<{ path: string }>).map((f) => f.path);
    expect([...new Set(paths.map((p) => p.split('.')[0]))].sort()).to.deep.equal([
      'clientKey',
      'description',
      'phone',
      'photoIds',
    ]);
    // Fields that depend on others are checked once the fields themselves are well formed.
    const missing = await citizen.gql(SUBMIT, {
      input: complaintInput({ subjectKind: 'STAFF', windowCode: null, name: null, phone: null }),
    });
    const missingPaths = (missing.errors![0]!.extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(missingPaths).to.deep.equal(['name', 'phone', 'staffId', 'windowCode']);
  });

  it('refuses a window that does not exist and a staff member of another department', async () => {
    const noWindow = await citizen.gql(SUBMIT, { input: complaintInput({ windowCode: 'Z99' }) });
    expect(noWindow.errors?.[0]?.extensions?.fields).to.deep.equal([{ path: 'windowCode', message: '窗口不存在' }]);
    const wrongStaff = await citizen.gql(SUBMIT, {
      input: complaintInput({ subjectKind: 'STAFF', staffId: otherDeptStaff }),
    });
    expect(wrongStaff.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('staffId');
    expect(await ComplaintModel.countDocuments({ 'subject.staff': otherDeptStaff })).to.equal(0);
  });

  it('files anonymously: no name or phone kept, a lookup code instead', async () => {
    const { trackingCode, lookupCode, id } = await fileComplaint(citizen, {
      subjectKind: 'DEPARTMENT',
      windowCode: null,
      departmentId: gsj,
      anonymous: true,
      name: '不应保存',
      phone: '13900000000',
    });
    expect(lookupCode).to.match(/^\d{4}$/);
    expect(await ComplaintModel.findById(id).lean()).to.include({ name: null, phone: null, anonymous: true });
    const status = await citizen.gql(STATUS, {
      code: trackingCode.toLowerCase().replace(/-/g, ' '),
      contact: lookupCode,
    });
    expect(status.data.complaintStatus).to.include({ trackingCode, state: 'RECEIVED' });
  });

  it('accepts JPEG and PNG photos up to 5 MB, judged by their bytes', async () => {
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
      Buffer.alloc(200),
    ]);
    expect((await uploadPhoto(app.url, jpeg)).status).to.equal(201);

    const script = await uploadPhoto(app.url, Buffer.from('<svg onload="alert(1)"></svg>'.repeat(20)));
    expect(script.status).to.equal(415);
    expect(await errorCode(script)).to.equal('UNSUPPORTED_FILE_TYPE');
    const gif = await uploadPhoto(app.url, Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]));
    expect(await errorCode(gif)).to.equal('UNSUPPORTED_FILE_TYPE');

    const big = await uploadPhoto(app.url, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.status).to.equal(413);
    expect(await errorCode(big)).to.equal('PAYLOAD_TOO_LARGE');
    // A simple request (one a foreign page could send) needs the CSRF header.
    expect((await uploadPhoto(app.url, png, { 'content-type': 'text/plain' })).status).to.equal(403);
  });

  it('keeps uploaded photos from the public: only staff may open them', async () => {
    const id = await upload();
    expect((await fetch(`${app.url}/files/${id}`)).status).to.equal(404);
  });

  it('answers a wrong code and a wrong contact alike, and shows no personal data', async () => {
    const { trackingCode } = await fileComplaint(citizen, { name: '李女士', phone: '13698765432' });
    const wrongContact = await citizen.gql(STATUS, { code: trackingCode, contact: '1234' });
    const wrongCode = await citizen.gql(STATUS, { code: 'TS-2222-2222-2222', contact: '5432' });
    const garbage = await citizen.gql(STATUS, { code: 'nonsense', contact: '5432' });
    for (const r of [wrongContact, wrongCode, garbage]) {
      expect(r.errors).to.equal(undefined);
      expect(r.data).to.deep.equal({ complaintStatus: null });
    }
    const right = await citizen.gql(STATUS, { code: trackingCode, contact: '5432' });
    const text = JSON.stringify(right.data);
    expect(right.data.complaintStatus.progress).to.deep.equal([
      { at: right.data.complaintStatus.filedAt, action: 'SUBMIT', state: 'RECEIVED', note: '' },
    ]);
    expect(text).to.not.include('13698765432').and.not.include('李女士');
    const fields = await citizen.gql(`{ __type(name: "ComplaintStatus") { fields { name } } }`);
    const names = fields.data.__type.fields.map((f: { name: string }) => f.name);
    expect(names).to.not.include.members(['phone', 'name', 'timeline']);
  });

  it('rate-limits lookups per address', async () => {
    const { trackingCode } = await fileComplaint(citizen);
    let code: string | undefined;
    for (let i = 0; i < 31 && !code; i++) {
      code = (await citizen.gql(STATUS, { code: trackingCode, contact: '0000' })).errors?.[0]?.extensions?.code;
    }
    expect(code).to.equal('RATE_LIMITED');
    // Even the right contact is refused until the window passes.
    const right = await citizen.gql(STATUS, { code: trackingCode, contact: PHONE.slice(-4) });
    expect(right.errors?.[0]?.extensions?.code).to.equal('RATE_LIMITED');
  });
});
