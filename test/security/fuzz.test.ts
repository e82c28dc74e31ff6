import { expect } from 'chai';
import fc from 'fast-check';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client, type GqlResult } from '../helpers/client.js';
import { makeDepartment, makeWindow } from '../helpers/fixtures.js';
import { SUBMIT, TICKET, ticketFor } from '../helpers/rating.js';
import { isPhone } from '../../common/phone.js';
import { RATING_LEVELS } from '../../common/ratings.js';

// Property-based fuzzing of every public (no login) operation: whatever a client sends, the
// answer is data or a coded error — never a 500 or a masked "unexpected error" — and whatever
// gets stored satisfies the rules the inputs are validated against.

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 700 }),
  fc.constantFrom(
    '',
    ' ',
    '$ne',
    '{"$gt":""}',
    '{"$where":"sleep(100)"}',
    '<script>alert(1)</script>',
    '\u0000',
    '../../etc/passwd',
    '𠮷'.repeat(600),
    'a'.repeat(2100),
  ),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

/** Data or coded errors only; returns the error code, if any. */
function wellFormed(r: GqlResult) {
  expect(r.status, JSON.stringify(r.errors)).to.be.below(500);
  const code = r.errors?.[0]?.extensions?.code as string | undefined;
  if (r.errors) expect(code, JSON.stringify(r.errors)).to.be.a('string').and.not.equal('INTERNAL_SERVER_ERROR');
  return code;
}

describe('security: fuzzing the public operations (fast-check)', function () {
  this.timeout(300_000);
  let app: TestApp;
  let c: Client;
  const tickets: string[] = [];

  before(async () => {
    app = await startTestApp();
    const dept = await makeDepartment('GSJ');
    await makeWindow('B07', dept);
    await ratingSettings.update(
      { ipLimitPerHour: 1_000_000, ticketsPerIpHour: 1_000_000, burstCount: 100, cooldownMinutes: 0 },
      null,
    );
    c = new Client(app.url);
    for (let i = 0; i < 110; i++) tickets.push(await ticketFor(new Client(app.url), app, 'B07'));
  });
  after(() => app.close());

  it('issueRatingTicket: any code and signature', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (code, sig) => {
        expect(wellFormed(await c.gql(TICKET, { code, sig }))).to.be.oneOf([
          'QR_INVALID',
          'VALIDATION_FAILED',
          'RATE_LIMITED',
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('submitRating: any input, stored only when valid', async () => {
    const input = fc.record({
      ticket: fc.oneof(fc.constant('pool'), nasty),
      level: fc.oneof(fc.constantFrom(...RATING_LEVELS), nasty),
      tags: maybe(fc.array(fc.oneof(fc.constantFrom('ATTITUDE', 'SLOW', 'WARM'), nasty), { maxLength: 12 })),
      comment: maybe(nasty),
      caseNumber: maybe(fc.oneof(fc.stringMatching(/^[A-Z0-9-]{4,12}$/), nasty)),
      callbackPhone: maybe(fc.oneof(fc.constant('13800138000'), nasty)),
      clientKey: fc.oneof(fc.uuid(), nasty),
    });
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const ticket = i.ticket === 'pool' ? (tickets.pop() ?? 'none') : i.ticket;
        wellFormed(await new Client(app.url).gql(SUBMIT, { input: { ...i, ticket } }));
      }),
      { numRuns: 120 },
    );
    // Inputs valid in shape, random in content: these reach the write, so it is exercised too.
    const plausible = fc.record({
      level: fc.constantFrom(...RATING_LEVELS),
      comment: fc.string({ unit: 'grapheme', maxLength: 500 }),
      caseNumber: maybe(fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{3,20}$/)),
      clientKey: fc.uuid(),
    });
    await fc.assert(
      fc.asyncProperty(plausible, async (i) => {
        const ticket = tickets.pop();
        if (ticket) wellFormed(await new Client(app.url).gql(SUBMIT, { input: { ...i, ticket } }));
      }),
      { numRuns: 30 },
    );
    // Variables of the wrong shape altogether are refused before anything runs.
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (junk) => {
        expect(wellFormed(await c.gql(SUBMIT, { input: junk }))).to.be.oneOf(['BAD_USER_INPUT', 'VALIDATION_FAILED']);
      }),
      { numRuns: 40 },
    );
    const settings = await ratingSettings.get();
    const tagCodes = new Set([...settings.negativeTags, ...settings.positiveTags].map((t) => t.code));
    const stored = await RatingModel.find().lean();
    expect(stored.length).to.be.greaterThan(0); // the fuzzer did reach the write
    for (const r of stored) {
      expect(RATING_LEVELS).to.include(r.level);
      expect(r.comment.length).to.be.at.most(500);
      expect(r.tags.every((t) => tagCodes.has(t))).to.equal(true);
      expect(!r.caseNumber || /^[A-Z0-9-]{4,32}$/.test(r.caseNumber)).to.equal(true);
      expect(!r.callbackPhone || (r.negative && isPhone(r.callbackPhone))).to.equal(true);
      expect(r.clientKey).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    }
  });

  it('submitComplaint, complaintStatus and giveComplaintFeedback: any input', async () => {
    const complaint = fc.record({
      anonymous: fc.boolean(),
      category: fc.oneof(fc.constantFrom('ATTITUDE', 'EFFICIENCY', 'ENVIRONMENT', 'OTHER'), nasty),
      clientKey: fc.oneof(fc.uuid(), nasty),
      description: nasty,
      name: maybe(nasty),
      phone: maybe(fc.oneof(fc.constant('13900001111'), nasty)),
      subjectKind: fc.oneof(fc.constantFrom('WINDOW', 'DEPARTMENT', 'STAFF'), nasty),
      windowCode: maybe(fc.oneof(fc.constant('B07'), nasty)),
      photoIds: maybe(fc.array(nasty, { maxLength: 4 })),
    });
    await fc.assert(
      fc.asyncProperty(complaint, async (input) => {
        wellFormed(
          await new Client(app.url).gql(
            'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { trackingCode } }',
            { input },
          ),
        );
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(nasty, nasty, fc.boolean(), async (trackingCode, contact, resolved) => {
        const status = await c.gql(
          'query($t: String!, $c: String!) { complaintStatus(trackingCode: $t, contact: $c) { state } }',
          { t: trackingCode, c: contact },
        );
        const code = wellFormed(status);
        if (!code) expect(status.data.complaintStatus).to.equal(null); // nothing guessed
        const fb = await c.gql(
          'mutation($input: ComplaintFeedbackInput!) { giveComplaintFeedback(input: $input) { state } }',
          {
            input: { trackingCode, contact, resolved, satisfaction: 'SATISFIED' },
          },
        );
        expect(wellFormed(fb)).to.be.a('string');
      }),
      { numRuns: 40 },
    );
    for (const doc of await ComplaintModel.find().lean()) {
      expect(doc.description.trim().length).to.be.within(1, 2000);
    }
  });

  it('login: any username and password', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (u, p) => {
        const r = await new Client(app.url).gql(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }',
          { u, p },
        );
        expect(wellFormed(r)).to.be.oneOf(['LOGIN_FAILED', 'LOGIN_THROTTLED', 'VALIDATION_FAILED']);
      }),
      { numRuns: 40 },
    );
  });
});
