import { expect } from 'chai';
import { AWAITING_REPLY, STATES, type ComplaintState } from '../../server/src/domains/complaints/complaint.model.js';
import { expectedBy, overdueFilter, overdueStep } from '../../server/src/domains/complaints/complaint.deadlines.js';

// Which deadline a complaint has missed (complaints/complaint.deadlines.ts): the pure half; the
// deadlines themselves come from the working-day calendar (test/server/complaint-deadlines.test.ts).

const now = new Date('2026-03-10T02:00:00Z');
const before = new Date(now.getTime() - 1);
const after = new Date(now.getTime() + 1);
const complaint = (state: ComplaintState, acceptDueAt: Date, replyDueAt: Date) => ({ state, acceptDueAt, replyDueAt });

describe('unit: complaint deadlines', () => {
  it('flags a complaint still to be accepted after its acceptance deadline', () => {
    expect(overdueStep(complaint('RECEIVED', before, after), now)).to.equal('ACCEPT');
    expect(overdueStep(complaint('RECEIVED', now, after), now)).to.equal(null); // due this very millisecond
    expect(overdueStep(complaint('RECEIVED', before, before), now)).to.equal('ACCEPT'); // the first missed step
  });

  it('flags a complaint awaiting its reply after the reply deadline, in every waiting state', () => {
    for (const state of STATES) {
      const step = overdueStep(complaint(state, after, before), now);
      expect(step, state).to.equal(AWAITING_REPLY.includes(state) ? 'REPLY' : null);
    }
    expect(overdueStep(complaint('INVESTIGATING', before, now), now)).to.equal(null);
    expect(overdueStep(complaint('ACCEPTED', before, after), now)).to.equal(null); // acceptance is done
  });

  it('waits for replies in the received, accepted, assigned, investigating and reopened states', () => {
    expect([...AWAITING_REPLY].sort()).to.deep.equal(['ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'RECEIVED', 'REOPENED']);
  });

  it('uses the clock when no time is given', () => {
    const longAgo = new Date('2020-01-01T00:00:00Z');
    expect(overdueStep(complaint('RECEIVED', longAgo, longAgo))).to.equal('ACCEPT');
    const filter = overdueFilter();
    expect(Date.now() - (filter.$or[0]!.acceptDueAt as unknown as { $lt: Date }).$lt.getTime()).to.be.within(0, 5000);
  });

  it('writes the same rule as a MongoDB filter', () => {
    const [accept, reply] = overdueFilter(now).$or as Array<Record<string, unknown>>;
    expect(accept!.state).to.equal('RECEIVED');
    expect(accept!.acceptDueAt).to.deep.include({ $lt: now });
    expect(reply!.state).to.deep.include({ $in: AWAITING_REPLY });
    expect(reply!.replyDueAt).to.deep.include({ $lt: now });
    expect(Object.keys(accept!)).to.deep.equal(['state', 'acceptDueAt']);
    expect(Object.keys(reply!)).to.deep.equal(['state', 'replyDueAt']);
  });

  it('tells the citizen the reply date only while a reply is still to come', () => {
    for (const state of STATES)
      expect(expectedBy({ state, replyDueAt: after }), state).to.equal(AWAITING_REPLY.includes(state) ? after : null);
  });
});
