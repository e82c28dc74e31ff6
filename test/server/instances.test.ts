import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { trusted } from 'mongoose';
import QRCode from 'qrcode';
import { SessionModel } from '../../server/src/domains/accounts/session.model.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { AlertModel } from '../../server/src/domains/alerts/alert.model.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { complaintInput, STATUS, SUBMIT as FILE, uploadPhoto } from '../helpers/complaints.js';
import { makeDepartment, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';
import { startInstance, type Instance } from '../helpers/instance.js';
import { rate, SUBMIT, ticketFor } from '../helpers/rating.js';
import { subscribe } from '../helpers/sse.js';

const ME = '{ me { username } }';
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }';
type Inst = TestApp | Instance;
const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (r.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';

// What the README says app instances share through MongoDB, checked with two instances on one
// database, the second in a process of its own (helpers/instance.ts): requests alternate between
// them as they do behind the proxy. Each test acts from its own client address (X-Forwarded-For,
// trusted here), so one test's per-address limits never touch another's.
describe('two app instances on one database', function () {
  this.timeout(60_000);
  let a: TestApp;
  let b: Instance;
  let gsj: string;
  let hosts = 0;
  const address = () => `198.51.100.${++hosts}`;
  const from = (inst: Inst, addr: string) => new Client(inst.url, { 'x-forwarded-for': addr });
  /** Alternates: even steps on the first instance, odd ones on the second. */
  const turn = (i: number): Inst => (i % 2 ? b : a);

  before(async () => {
    a = await startTestApp({ env: { TRUST_PROXY: '1' } });
    // Saved before the second instance starts, so its (per-process) settings cache begins with them.
    await ratingSettings.update({ ipLimitPerHour: 10, burstCount: 3 }, null);
    gsj = await makeDepartment('GSJ');
    await makeWindow('B07', gsj); // the window complaintInput() names
    b = await startInstance(a);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  async function staffOn(inst: Inst, role: 'MANAGER' | 'INSPECTOR') {
    const c = from(inst, address());
    await c.login((await makeUser(role)).username, PASSWORD);
    return c;
  }

  it('serves a staff session on either instance, and a logout on one ends it on both', async () => {
    const onA = await staffOn(a, 'MANAGER');
    const onB = from(b, address());
    onB.cookie = onA.cookie;
    const { username } = (await onA.gql(ME)).data.me as { username: string };
    expect((await onB.gql(ME)).data.me).to.deep.equal({ username });
    await onB.gql('mutation { logout }');
    expect((await onA.gql(ME)).data.me).to.equal(null);
  });

  it('throttles logins after five failures spread over both instances', async () => {
    const { username } = await makeUser('INSPECTOR');
    const addr = address();
    for (let i = 0; i < 5; i++) {
      expect(await from(turn(i), addr).code(LOGIN, { u: username, p: `wrong password ${i}` })).to.equal('LOGIN_FAILED');
    }
    for (const inst of [a, b]) {
      expect(await from(inst, addr).code(LOGIN, { u: username, p: PASSWORD }), inst.url).to.equal('LOGIN_THROTTLED');
    }
  });

  it('counts the ratings of one address on both instances against one hourly limit', async () => {
    await makeWindow('R01', gsj);
    const addr = address();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push(codeOf(await rate(from(turn(i), addr), turn(i), 'R01', 'SATISFIED')));
    // ipLimitPerHour is 10: the eleventh is refused, wherever it lands.
    expect(codes).to.deep.equal([...Array<string>(10).fill('ok'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('flags a burst from one address at one window as suspect, whichever instance took each rating', async () => {
    const win = await makeWindow('R02', gsj);
    const addr = address();
    for (let i = 0; i < 4; i++) {
      expect(codeOf(await rate(from(turn(i), addr), turn(i), 'R02', 'VERY_SATISFIED'))).to.equal('ok');
    }
    const rows = await RatingModel.find({ window: win }).sort({ createdAt: 1 }).lean();
    // burstCount is 3: the burst is seen at the third, two on each instance, and every rating of it,
    // the first two included, is kept but not counted.
    expect(rows.map((r) => r.suspect)).to.deep.equal([true, true, true, true]);
  });

  it('spends a rating ticket once, whichever instance it is sent to, also when both get it at once', async () => {
    await makeWindow('R03', gsj);
    const addr = address();
    const submit = (inst: Inst, ticket: string) =>
      from(inst, addr).gql(SUBMIT, { input: { ticket, level: 'SATISFIED', clientKey: randomUUID() } });
    const ticket = await ticketFor(from(a, addr), a, 'R03');
    expect(codeOf(await submit(a, ticket))).to.equal('ok');
    expect(codeOf(await submit(b, ticket))).to.equal('TICKET_USED');
    const next = await ticketFor(from(b, addr), b, 'R03');
    const both = await Promise.all([submit(a, next), submit(b, next)]);
    expect(both.map(codeOf).sort()).to.deep.equal(['TICKET_USED', 'ok']);
  });

  it('stores a rating sent to both instances once, and answers each copy as accepted', async () => {
    const win = await makeWindow('R04', gsj);
    const addr = address();
    const input = { ticket: await ticketFor(from(a, addr), a, 'R04'), level: 'DISSATISFIED', clientKey: randomUUID() };
    const copies = await Promise.all([from(a, addr).gql(SUBMIT, { input }), from(b, addr).gql(SUBMIT, { input })]);
    const later = await from(b, addr).gql(SUBMIT, { input });
    for (const r of [...copies, later]) expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
    expect(copies.map((r) => r.data.submitRating.replayed as boolean).sort()).to.deep.equal([false, true]);
    expect(later.data.submitRating).to.deep.include({ accepted: true, negative: true, replayed: true });
    expect(await RatingModel.countDocuments({ clientKey: input.clientKey })).to.equal(1);
    expect(await FollowUpModel.countDocuments({ window: win })).to.equal(1);
  });

  it('stores a complaint sent to both instances once, under one tracking code', async () => {
    const addr = address();
    const input = complaintInput();
    const copies = await Promise.all([from(a, addr).gql(FILE, { input }), from(b, addr).gql(FILE, { input })]);
    const later = await from(a, addr).gql(FILE, { input });
    const codes = [...copies, later].map((r) => {
      expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
      return r.data.submitComplaint.trackingCode as string;
    });
    expect(new Set(codes).size).to.equal(1);
    expect(await ComplaintModel.countDocuments({ clientKey: input.clientKey })).to.equal(1);
  });

  it('limits complaint lookups per address across both instances', async () => {
    const addr = address();
    const codes: string[] = [];
    for (let i = 0; i < 32; i++) {
      codes.push(codeOf(await from(turn(i), addr).gql(STATUS, { code: 'TS-2222-2222-2222', contact: '0000' })));
    }
    // 30 lookups per address in 10 minutes: 15 on each instance would not reach it alone.
    expect(codes).to.deep.equal([...Array<string>(30).fill('ok'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('keeps a photo uploaded through one instance for a complaint filed and read through the other', async () => {
    const addr = address();
    const png = await QRCode.toBuffer('a photo that crosses instances');
    const upload = await uploadPhoto(a.url, png, { 'x-wfp-csrf': '1', 'x-forwarded-for': addr });
    expect(upload.status).to.equal(201);
    const { id } = (await upload.json()) as { id: string };
    const filed = await from(b, addr).gql(FILE, { input: complaintInput({ photoIds: [id] }) });
    expect(filed.errors, JSON.stringify(filed.errors)).to.equal(undefined);
    const manager = await staffOn(a, 'MANAGER');
    const photo = await fetch(`${b.url}/files/${id}`, { headers: { cookie: manager.cookie! } });
    expect(photo.status).to.equal(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).to.equal(true);
  });

  it('raises one NEGATIVE_SHARE alert per period though its ratings came through both instances', async () => {
    const win = await makeWindow('A01', gsj);
    const levels = ['SATISFIED', 'DISSATISFIED', 'SATISFIED', 'DISSATISFIED', 'DISSATISFIED', 'DISSATISFIED'];
    // Each from its own address, so none is a burst. The 4th (2 of 4 bad) opens the gate on the
    // second instance; the 5th and 6th find it shut, on either.
    for (const [i, level] of levels.entries()) {
      expect(codeOf(await rate(from(turn(i), address()), turn(i), 'A01', level))).to.equal('ok');
    }
    expect(await AlertModel.countDocuments({ rule: 'NEGATIVE_SHARE', window: win })).to.equal(1);
  });

  it('pushes an alert raised on one instance to a dashboard watching the other', async function () {
    this.timeout(15_000); // the alert comes within a poll (1 s), or never
    await makeWindow('A02', gsj);
    const manager = await staffOn(a, 'MANAGER');
    const feed = subscribe(b.url, 'subscription { alertRaised { rule window { code } } }', manager.cookie);
    try {
      await feed.ready;
      expect(codeOf(await rate(from(a, address()), a, 'A02', 'VERY_DISSATISFIED'))).to.equal('ok');
      // Alerts of the tests just before may come first (the feed looks back a few seconds).
      let got: { rule: string; window: { code: string } };
      do got = (await feed.events.next()).value.data.alertRaised;
      while (got.window.code !== 'A02');
      expect(got).to.deep.equal({ rule: 'VERY_DISSATISFIED', window: { code: 'A02' } });
    } finally {
      feed.close();
    }
  });

  it('generates each patrol round once when both instances generate the same week at once', async () => {
    const onA = await staffOn(a, 'MANAGER');
    const onB = from(b, address());
    onB.cookie = onA.cookie;
    const GENERATE = `mutation { generateRounds(from: "2031-03-03", to: "2031-03-09") }`;
    const runs = await Promise.all([onA.gql(GENERATE), onB.gql(GENERATE)]);
    for (const r of runs) expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
    // Five working days (no holidays entered here), four rounds each.
    const week = { date: trusted({ $gte: '2031-03-03', $lte: '2031-03-09' }) };
    expect(await RoundModel.countDocuments(week)).to.equal(20);
  });

  it('hashes an address alike on instances sharing SESSION_SECRET, and differently under another', async () => {
    const other = await startInstance(a, { SESSION_SECRET: 'another secret, at least thirty-two characters' });
    try {
      await makeWindow('H01', gsj);
      /** The address hashes an instance stores: with a rating, a complaint and a session. */
      const hashesOn = async (inst: Inst, addr: string) => {
        const clientKey = randomUUID();
        expect(codeOf(await rate(from(inst, addr), inst, 'H01', 'SATISFIED', { clientKey }))).to.equal('ok');
        const complaint = complaintInput();
        expect(codeOf(await from(inst, addr).gql(FILE, { input: complaint }))).to.equal('ok');
        const staff = from(inst, addr);
        await staff.login((await makeUser('INSPECTOR')).username, PASSWORD);
        const me = (await staff.gql('{ me { id } }')).data.me as { id: string };
        return [
          (await RatingModel.findOne({ clientKey }).lean())!.ipHash,
          (await ComplaintModel.findOne({ clientKey: complaint.clientKey }).lean())!.ipHash,
          (await SessionModel.findOne({ user: me.id }).lean())!.ipHash,
        ];
      };
      const addr = address();
      const onA = await hashesOn(a, addr);
      expect(await hashesOn(b, addr)).to.deep.equal(onA);
      const underOther = await hashesOn(other, addr);
      const elsewhere = await hashesOn(a, address());
      for (let i = 0; i < 3; i++) {
        expect(underOther[i], 'another secret').to.not.equal(onA[i]);
        expect(elsewhere[i], 'another address').to.not.equal(onA[i]);
        expect(onA[i]).to.be.a('string').with.length.greaterThan(20).and.not.include(addr);
      }
    } finally {
      await other.close();
    }
  });
});
