import { expect } from 'chai';
import { defaultTitle, periodText } from '../../server/src/domains/notices/notice.text.js';

// How notices and bulletin ranges name a period (notices/notice.text.ts): a whole month by its
// name, anything else from day to day, the second year only when it differs.

describe('unit: period wording', () => {
  it('names a whole month, February of leap years included', () => {
    expect(periodText('2026-03-01', '2026-03-31')).to.equal('2026年3月');
    expect(periodText('2026-02-01', '2026-02-28')).to.equal('2026年2月');
    expect(periodText('2028-02-01', '2028-02-29')).to.equal('2028年2月');
    expect(periodText('2026-12-01', '2026-12-31')).to.equal('2026年12月');
  });

  it('names anything else from day to day', () => {
    expect(periodText('2026-03-01', '2026-03-30')).to.equal('2026年3月1日至3月30日');
    expect(periodText('2026-03-02', '2026-03-31')).to.equal('2026年3月2日至3月31日');
    expect(periodText('2028-02-01', '2028-02-28')).to.equal('2028年2月1日至2月28日');
    expect(periodText('2026-03-01', '2026-04-30')).to.equal('2026年3月1日至4月30日');
    expect(periodText('2026-12-01', '2027-01-31')).to.equal('2026年12月1日至2027年1月31日');
    expect(periodText('2026-03-01', '2027-03-31')).to.equal('2026年3月1日至2027年3月31日');
  });

  it('titles a notice by its period', () => {
    expect(defaultTitle('2026-03-01', '2026-03-31')).to.equal('关于2026年3月窗口工作人员违规行为的通报');
  });
});
