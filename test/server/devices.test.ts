import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { Types } from 'mongoose';
import { slotAt } from '../../server/src/domains/devices/case-qr.js';
import { sweepDevices } from '../../server/src/domains/devices/pairing.service.js';
import { DeviceInvitationModel, PairingCodeModel } from '../../server/src/domains/devices/device.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { ServedCaseModel } from '../../server/src/domains/served-cases/served-case.model.js';
import { recordCase } from '../../server/src/domains/served-cases/served-case.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { deviceCall, DEVICES, errorCode, pairedDevice, pairingCode, REVOKE } from '../helpers/device.js';
import { makeDepartment, makeStaff, makeWindow, putOnDuty, staffClient } from '../helpers/fixtures.js';
import { startInstance, type Instance } from '../helpers/instance.js';
import { SUBMIT } from '../helpers/rating.js';

// The window rating device (issue 16 item 2): paired by a one-time code, refused once revoked,
// offered each completed case of its window (through MongoDB, so any app instance answers), and
// its rotating QR code for the case good for a slot and one of grace.

const CASE_TICKET =
  'mutation($c: String!, $s: Int!, $m: String!) { issueCaseRatingTicket(caseNumber: $c, slot: $s, mac: $m) { ticket } }';

describe('window rating devices', function () {
  this.timeout(60_000);
  let app: TestApp;
  let admin: Client;
  let dept: string;
  let win: string;
  let other: string;
  let staff: string;

  const complete = (caseNumber: string, window = win) =>
    recordCase(
      {
        caseNumber,
        window: new Types.ObjectId(window),
        department: new Types.ObjectId(dept),
        staff: new Types.ObjectId(staff),
        serviceItem: null,
        completed: true,
        at: new Date(),
      },
      'API',
      'test',
    );

  before(async () => {
    app = await startTestApp();
    dept = await makeDepartment('GAJ', '公安局');
    win = await makeWindow('D01', dept);
    other = await makeWindow('D02', dept);
    staff = await makeStaff('GAJ01', dept, '李明');
    await putOnDuty(win, staff, dept);
    admin = await staffClient(app.url, 'ADMIN');
  });
  after(() => app.close());

  it('pairs a device with a one-time code, lists it, and refuses it at once when revoked', async () => {
    const code = await pairingCode(admin, win, 'D01 平板');
    expect(code).to.match(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // The code is stored only as a keyed hash.
    expect(await PairingCodeModel.exists({ _id: code })).to.equal(null);
    const paired = await deviceCall(app.url, 'pair', null, { code: code.toLowerCase().replace('-', ' ') });
    expect(paired.status).to.equal(201);
    expect(paired.body).to.deep.include({ name: 'D01 平板', window: { code: 'D01', name: 'D01 窗口' } });
    const credential = paired.body.credential as string;
    // Single use: the same code pairs nothing more.
    const again = await deviceCall(app.url, 'pair', null, { code });
    expect([again.status, errorCode(again)]).to.deep.equal([400, 'PAIRING_CODE_INVALID']);

    const me = await deviceCall(app.url, 'me', credential);
    expect(me.status).to.equal(200);
    expect(me.body.window.code).to.equal('D01');
    expect(me.body.windowQrUrl).to.match(/\/r\/D01\?s=/);
    // A second, positive control: revoking one device leaves the other working.
    const control = await pairedDevice(app.url, admin, win);

    const listed = (await admin.gql(DEVICES)).data.ratingDevices as Array<{ id: string; name: string }>;
    expect(listed.map((d) => d.name)).to.include.members(['D01 平板', 'D01 评价器']);
    const id = listed.find((d) => d.name === 'D01 平板')!.id;
    const revoked = await admin.gql(REVOKE, { id });
    expect(revoked.data.revokeDevice.revokedAt).to.be.a('string');

    for (const path of ['me', 'invitation']) {
      const refused = await deviceCall(app.url, path, credential);
      expect([refused.status, errorCode(refused)]).to.deep.equal([401, 'DEVICE_REVOKED']);
    }
    const ticket = await deviceCall(app.url, 'complete', credential, { caseNumber: 'GA-2026-0001' });
    expect(errorCode(ticket)).to.equal('DEVICE_REVOKED');
    expect(await ServedCaseModel.exists({ _id: 'GA-2026-0001' })).to.equal(null);
    expect((await deviceCall(app.url, 'me', control)).status).to.equal(200);
    // No credential, or a made-up one: not paired.
    expect(errorCode(await deviceCall(app.url, 'me', null))).to.equal('DEVICE_UNPAIRED');
    expect(errorCode(await deviceCall(app.url, 'me', 'x'.repeat(43)))).to.equal('DEVICE_UNPAIRED');
  });

  it('refuses an expired pairing code and an unknown one', async () => {
    const code = await pairingCode(admin, other);
    await PairingCodeModel.updateMany({ window: other }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorCode(await deviceCall(app.url, 'pair', null, { code }))).to.equal('PAIRING_CODE_INVALID');
    expect(errorCode(await deviceCall(app.url, 'pair', null, { code: 'ABCD-EFGH' }))).to.equal('PAIRING_CODE_INVALID');
    // The sweep removes what expired (the local engine applies no TTL).
    await sweepDevices();
    expect(await PairingCodeModel.exists({ window: other })).to.equal(null);
    // A live code still pairs (the refusals above were about the codes, not the window).
    await pairedDevice(app.url, admin, other);
  });

  describe('a case to rate', () => {
    let device: string;
    let second: Instance;
    before(async () => {
      device = await pairedDevice(app.url, admin, win);
      second = await startInstance(app);
    });
    after(() => second.close());

    it('offers a case completed by the integration, through another app instance, and rates it once', async () => {
      expect((await deviceCall(second.url, 'invitation', device)).body.invitation).to.equal(null);
      await complete('GA-2026-0100');
      const inv = (await deviceCall(second.url, 'invitation', device)).body.invitation;
      expect(inv).to.include({ caseNumber: 'GA-2026-0100' });
      expect(inv.qrUrl).to.match(/\/r\/D01\?case=GA-2026-0100&slot=\d+&m=/);
      // The other window's device is not offered it.
      const elsewhere = await pairedDevice(app.url, admin, other);
      expect((await deviceCall(app.url, 'invitation', elsewhere)).body.invitation).to.equal(null);
      expect(errorCode(await deviceCall(app.url, 'ticket', elsewhere, { caseNumber: 'GA-2026-0100' }))).to.equal(
        'CASE_UNKNOWN',
      );

      const t = await deviceCall(second.url, 'ticket', device, { caseNumber: 'GA-2026-0100' });
      expect(t.status).to.equal(200);
      const c = new Client(second.url);
      const r = await c.gql(SUBMIT, {
        input: { ticket: t.body.ticket, level: 'VERY_SATISFIED', clientKey: randomUUID() },
      });
      expect(r.errors).to.equal(undefined);
      expect(await RatingModel.findOne({ servedCase: 'GA-2026-0100' }).lean()).to.include({ channel: 'HALL_TABLET' });
      expect(String((await RatingModel.findOne({ servedCase: 'GA-2026-0100' }).lean())!.staff)).to.equal(staff);
      // Rated: the device goes idle, and the case gets no second ticket, on either instance.
      expect((await deviceCall(app.url, 'invitation', device)).body.invitation).to.equal(null);
      const twice = await deviceCall(app.url, 'ticket', device, { caseNumber: 'GA-2026-0100' });
      expect(errorCode(twice)).to.equal('CASE_ALREADY_RATED');
    });

    it('lets the staff member mark a case done on the device (办结), and the invitation expires', async () => {
      const done = await deviceCall(app.url, 'complete', device, { caseNumber: ' ga-2026-0200 ' });
      expect(done.body).to.deep.equal({ caseNumber: 'GA-2026-0200' });
      const known = await ServedCaseModel.findById('GA-2026-0200').lean();
      expect(known).to.include({ source: 'DEVICE', state: 'COMPLETED' });
      expect(String(known!.staff)).to.equal(staff);
      expect((await deviceCall(second.url, 'invitation', device)).body.invitation.caseNumber).to.equal('GA-2026-0200');
      const bad = await deviceCall(app.url, 'complete', device, { caseNumber: '!' });
      expect(errorCode(bad)).to.equal('VALIDATION_FAILED');
      await DeviceInvitationModel.updateOne({ _id: win }, { $set: { expiresAt: new Date(Date.now() - 1) } });
      expect((await deviceCall(app.url, 'invitation', device)).body.invitation).to.equal(null);
    });

    it("gives a phone that scans the device's rotating code a QR ticket for the case; stale and forged codes none", async () => {
      await complete('GA-2026-0300');
      const inv = (await deviceCall(app.url, 'invitation', device)).body.invitation;
      const q = new URL(inv.qrUrl).searchParams;
      const [c, s, m] = [q.get('case')!, Number(q.get('slot')), q.get('m')!];
      const phone = new Client(second.url);
      const forged = await phone.gql(CASE_TICKET, { c, s, m: m.slice(0, -2) + 'xx' });
      expect(forged.errors?.[0]?.extensions?.code).to.equal('QR_INVALID');
      const otherCase = await phone.gql(CASE_TICKET, { c: 'GA-2026-0100', s, m });
      expect(otherCase.errors?.[0]?.extensions?.code).to.equal('QR_INVALID');
      const { signCaseQr } = await import('../../server/src/domains/devices/case-qr.js');
      const stale = slotAt(Date.now()) - 2;
      const old = await phone.gql(CASE_TICKET, { c, s: stale, m: signCaseQr(app.config.qrKeys, win, c, stale) });
      expect(old.errors?.[0]?.extensions?.code).to.equal('QR_EXPIRED');

      const ok = await phone.gql(CASE_TICKET, { c: c.toLowerCase(), s, m });
      expect(ok.errors).to.equal(undefined);
      const r = await phone.gql(SUBMIT, {
        input: { ticket: ok.data.issueCaseRatingTicket.ticket, level: 'SATISFIED', clientKey: randomUUID() },
      });
      expect(r.errors).to.equal(undefined);
      expect(await RatingModel.findOne({ servedCase: 'GA-2026-0300' }).lean()).to.include({ channel: 'QR' });
      const again = await phone.gql(CASE_TICKET, { c, s, m });
      expect(again.errors?.[0]?.extensions?.code).to.equal('CASE_ALREADY_RATED');
      expect((await deviceCall(app.url, 'invitation', device)).body.invitation).to.equal(null);
    });
  });
});
