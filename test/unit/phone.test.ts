import { expect } from 'chai';
import { isPhone, LANDLINE, LOCAL_LANDLINE, maskPhone, MOBILE, normalizePhone } from '../../common/phone.js';

// Phone numbers as citizens type them (common/phone.ts), at the length and prefix edges of each
// pattern, and the mask staff see.

describe('unit: phone numbers', () => {
  it('takes mainland mobiles: eleven digits, 1 then 3–9', () => {
    for (const ok of ['13012345678', '19912345678']) expect(MOBILE.test(ok), ok).to.equal(true);
    for (const bad of ['12012345678', '10012345678', '1301234567', '130123456789', 'x13012345678', '13012345678x'])
      expect(MOBILE.test(bad), bad).to.equal(false);
  });

  it('takes landlines with an area code: 0 and 9–11 more digits', () => {
    for (const ok of ['0571880012', '05718800123', '057188001234']) expect(LANDLINE.test(ok), ok).to.equal(true);
    for (const bad of ['057188001', '0571880012345', '5718800123', 'x0571880012', '0571880012x'])
      expect(LANDLINE.test(bad), bad).to.equal(false);
  });

  it('takes local landlines without the area code: 7–8 digits, not from 0 or 1', () => {
    for (const ok of ['2880012', '98800123']) expect(LOCAL_LANDLINE.test(ok), ok).to.equal(true);
    for (const bad of ['288001', '288001234', '1880012', '0880012', 'x2880012', '2880012x'])
      expect(LOCAL_LANDLINE.test(bad), bad).to.equal(false);
  });

  it('accepts a number matching any one of the three patterns', () => {
    expect(['13812345678', '057188001234', '88001234'].map(isPhone)).to.deep.equal([true, true, true]);
    expect(['1381234567', '12345', ''].map(isPhone)).to.deep.equal([false, false, false]);
  });

  it('strips spaces, tabs, parentheses and dashes, and nothing else', () => {
    expect(normalizePhone(' (0571)\t8800-1234 ')).to.equal('057188001234');
    expect(normalizePhone('138 1234 5678')).to.equal('13812345678');
    expect(normalizePhone('+86.138')).to.equal('+86.138');
  });

  it('shows the first three and last four digits of long numbers, only the last four of short ones', () => {
    expect(maskPhone('13812341234')).to.equal('138****1234');
    expect(maskPhone('138-1234-1234')).to.equal('138****1234');
    expect(maskPhone('057188001234')).to.equal('057****1234');
    expect(maskPhone('0571880012')).to.equal('****0012'); // ten digits: the short form
    expect(maskPhone('8800123')).to.equal('****0123');
    expect(maskPhone('880-0123')).to.equal('****0123'); // the dash is no digit, even in a short number
    expect(maskPhone('')).to.equal(null);
    expect(maskPhone(undefined)).to.equal(null);
  });
});
