import { expect } from 'chai';
import { normalizeTrackingCode, uuidFromBytes, UUID } from '../../common/ids.js';
import { bimonthRange, periodKeys } from '../../common/periods.js';
import { isPhone, maskPhone, normalizePhone } from '../../common/phone.js';
import { rankRows } from '../../common/ranking.js';
import { isBad, isGood, RATING_LEVELS } from '../../common/ratings.js';
import { endOfLocalDay, localDate, localDateTime, localInstant, startOfLocalDay } from '../../common/time.js';

// The shared rules of common/, which the server and the web both import.

describe('common: the shared vocabulary', () => {
  it("reads instants in the center's time (UTC+8), whatever the machine's zone", () => {
    // 31 December 16:30 UTC is already New Year's Day in the center.
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(localDate(newYear)).to.equal('2027-01-01');
    expect(localDateTime(newYear)).to.equal('2027-01-01 00:30');
    expect(periodKeys(newYear)).to.include({ day: '2027-01-01', bimonth: '2027-B1', year: '2027', hour: 0 });
    expect(periodKeys(new Date('2026-12-31T15:59:59Z'))).to.include({ bimonth: '2026-B6', weekday: 4 });
    expect(localInstant('2026-03-05', '08:45').toISOString()).to.equal('2026-03-05T00:45:00.000Z');
    expect(startOfLocalDay('2026-03-05').toISOString()).to.equal('2026-03-04T16:00:00.000Z');
    expect(endOfLocalDay('2026-03-05').toISOString()).to.equal('2026-03-05T15:59:59.999Z');
  });

  it('turns bimonth keys into their local dates', () => {
    expect(bimonthRange('2026-B6')).to.deep.equal({ from: '2026-11-01', to: '2026-12-31' });
    expect(bimonthRange('2028-B1')).to.deep.equal({ from: '2028-01-01', to: '2028-02-29' });
  });

  it('counts the two lowest levels as bad and the two highest as good', () => {
    expect(RATING_LEVELS.filter(isBad)).to.deep.equal(['DISSATISFIED', 'VERY_DISSATISFIED']);
    expect(RATING_LEVELS.filter(isGood)).to.deep.equal(['VERY_SATISFIED', 'SATISFIED']);
  });

  it('accepts mainland mobiles and landlines, and masks all but what identifies them', () => {
    for (const ok of ['13812345678', '19912345678', '057188001234', '01088001234', '88001234', '8800123'])
      expect(isPhone(ok), ok).to.equal(true);
    for (const bad of ['12345678901', '1381234567', '138123456789', '12345', '0571', '1880012', 'abc'])
      expect(isPhone(bad), bad).to.equal(false);
    expect(normalizePhone('(0571) 8800-1234')).to.equal('057188001234');
    expect(maskPhone('13812341234')).to.equal('138****1234');
    expect(maskPhone('057188001234')).to.equal('057****1234');
    expect(maskPhone('88001234')).to.equal('****1234');
    expect(maskPhone(null)).to.equal(null);
  });

  it('ranks by competition: ties share a rank and the next row takes its place number', () => {
    const rows = [
      { id: 'a', score: 80 },
      { id: 'b', score: 95 },
      { id: 'c', score: 95 },
      { id: 'd', score: 70 },
      { id: 'e', score: 80 },
    ];
    const ranked = rankRows(
      rows,
      (x, y) => y.score - x.score,
      (x, y) => x.score === y.score,
    );
    expect(ranked.map((r) => [r.id, r.rank])).to.deep.equal([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['e', 3],
      ['d', 5],
    ]);
  });

  it('makes v4 UUIDs from random bytes and reads tracking codes however they are typed', () => {
    const id = uuidFromBytes(new Uint8Array(16).fill(0xff));
    expect(id).to.match(UUID).and.equal('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(normalizeTrackingCode('ts 7kq4 m9xr 2hcw')).to.equal('TS-7KQ4-M9XR-2HCW');
    expect(normalizeTrackingCode('TS-7KQ4-M9XR-2HC0')).to.equal(null); // 0 is not in the alphabet
  });
});
