import { expect } from 'chai';
import {
  DEFAULT_FIELD_NAMES,
  DEFAULT_LEVEL_CODES,
  feedRecord,
  feedTime,
  levelOfCode,
  renamed,
  type FeedSource,
} from '../../server/src/domains/province-feed/feed.record.js';
import { RATING_LEVELS } from '../../common/ratings.js';

// The provincial feed's record: GB/T 39046-2020 table 9 in shape, codes per province.

const source = (over: Partial<FeedSource['rating']> = {}): FeedSource => ({
  rating: {
    _id: '65f000000000000000000001',
    level: 'DISSATISFIED',
    channel: 'HALL_TABLET',
    caseNumber: 'TYPED-1',
    servedCase: 'SJ-2026-0001',
    ratingSeq: 1,
    regionCode: '320500',
    comment: '等了很久',
    tags: ['LONG_WAIT'],
    createdAt: new Date('2026-03-04T17:05:09Z'),
    ...over,
  },
  windowCode: 'B07',
  departmentName: '市市场监督管理局',
  item: { basicCode: '0001234567', implementationCode: '11320500MB0000000X400012', name: '食品经营许可' },
  tagNames: (c) => ({ LONG_WAIT: '等候久' })[c] ?? c,
});

describe('unit: the provincial feed record (GB/T 39046)', () => {
  it('writes the national data elements, the time as YYYYMMDDThhmmss in centre time', () => {
    expect(feedTime(new Date('2026-03-04T17:05:09Z'))).to.equal('20260305T010509');
    expect(feedRecord(source(), DEFAULT_LEVEL_CODES)).to.deep.equal({
      recordId: '65f000000000000000000001',
      caseNumber: 'SJ-2026-0001', // the bound case, not the typed text
      channel: '政务大厅平板电脑',
      rater: '匿名',
      ratedAt: '20260305T010509',
      ratingCount: 1,
      satisfaction: '不满意',
      satisfactionCode: '4',
      comment: '等了很久 等候久',
      regionCode: '320500',
      itemBasicCode: '0001234567',
      itemImplementationCode: '11320500MB0000000X400012',
      itemName: '食品经营许可',
      departmentName: '市市场监督管理局',
      windowCode: 'B07',
    });
    const unbound = feedRecord(source({ servedCase: null, channel: 'QR' }), DEFAULT_LEVEL_CODES);
    expect(unbound).to.include({ caseNumber: 'TYPED-1', channel: '二维码' });
  });

  it('codes satisfaction 1 = 非常满意 … 5 = 非常不满意 by default, and the reverse when configured', () => {
    expect(RATING_LEVELS.map((l) => DEFAULT_LEVEL_CODES[l])).to.deep.equal(['1', '2', '3', '4', '5']);
    const reversed = Object.fromEntries(RATING_LEVELS.map((l, i) => [l, String(5 - i)])) as typeof DEFAULT_LEVEL_CODES;
    expect(feedRecord(source({ level: 'VERY_SATISFIED' }), reversed).satisfactionCode).to.equal('5');
    // The mapping reads back either way.
    for (const l of RATING_LEVELS) expect(levelOfCode(reversed[l], reversed)).to.equal(l);
    expect(levelOfCode('9', reversed)).to.equal(null);
  });

  it("renames fields to the province's names and leaves out those named ''", () => {
    const names = { ...DEFAULT_FIELD_NAMES, caseNumber: 'bjbh', satisfactionCode: 'myddm', itemName: '' };
    const out = renamed(feedRecord(source(), DEFAULT_LEVEL_CODES), names);
    expect(out).to.include({ bjbh: 'SJ-2026-0001', myddm: '4' });
    expect(out).to.not.have.any.keys('caseNumber', 'itemName');
  });
});
