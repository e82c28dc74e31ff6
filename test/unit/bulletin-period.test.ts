import { expect } from 'chai';
import { GraphQLError } from 'graphql';
import {
  monthsOf,
  periodOf,
  previousPeriod,
  resolvePeriod,
  type Period,
} from '../../server/src/domains/bulletins/period.js';

// A bulletin's reporting period (bulletins/period.ts): bimonths, half-years, years and custom
// ranges of local dates, each with its label, the period before it and its months.

/** The `fields` of the VALIDATION_FAILED error `make` throws. */
function refused(make: () => unknown) {
  try {
    make();
  } catch (err) {
    expect(err).to.be.instanceOf(GraphQLError);
    const ext = (err as GraphQLError).extensions;
    expect(ext.code).to.equal('VALIDATION_FAILED');
    const fields = ext.fields as Array<{ path: string; message: string }>;
    for (const f of fields) expect(f.message, f.path).not.to.equal(''); // every refusal says why
    return fields;
  }
  throw new Error('expected VALIDATION_FAILED');
}
const brief = (p: Period) => [p.kind, p.key, p.from, p.to, p.label];

describe('unit: bulletin periods', () => {
  it('reads bimonth, half-year and year keys', () => {
    expect(brief(periodOf('2026-B6'))).to.deep.equal([
      'BIMONTH',
      '2026-B6',
      '2026-11-01',
      '2026-12-31',
      '2026年11—12月',
    ]);
    expect(brief(periodOf('2028-B1'))).to.deep.equal(['BIMONTH', '2028-B1', '2028-01-01', '2028-02-29', '2028年1—2月']);
    expect(brief(periodOf('2026-H1'))).to.deep.equal([
      'HALF_YEAR',
      '2026-H1',
      '2026-01-01',
      '2026-06-30',
      '2026年上半年',
    ]);
    expect(brief(periodOf('2026-H2'))).to.deep.equal([
      'HALF_YEAR',
      '2026-H2',
      '2026-07-01',
      '2026-12-31',
      '2026年下半年',
    ]);
    expect(brief(periodOf('2026'))).to.deep.equal(['YEAR', '2026', '2026-01-01', '2026-12-31', '2026年']);
  });

  it('reads custom ranges of local dates, labelled as the notices word them', () => {
    expect(brief(periodOf('2026-03-02~2026-03-20'))).to.deep.equal([
      'RANGE',
      '2026-03-02~2026-03-20',
      '2026-03-02',
      '2026-03-20',
      '2026年3月2日至3月20日',
    ]);
    expect(periodOf('2026-03-01~2026-03-31').label).to.equal('2026年3月');
    expect(periodOf('2026-12-20~2027-01-10').label).to.equal('2026年12月20日至2027年1月10日');
    expect(periodOf('2026-03-05~2026-03-05').from).to.equal('2026-03-05'); // one day is a range
  });

  it('refuses keys that are no period, naming the field', () => {
    for (const key of [
      '',
      'bad',
      '2026-B7',
      '2026-B0',
      '2026-H3',
      '1999',
      '2026-H1x',
      'x2026-H1',
      '2026-B1x',
      'x2026-B1',
      '2026-B12',
      'x2026',
      '2026-03-01~',
      '~2026-03-01',
      '2026-03-01~2026-03-02~2026-03-03',
    ])
      expect(
        refused(() => periodOf(key)).map((f) => f.path),
        key,
      ).to.deep.equal(['key']);
  });

  it('refuses ranges that are not real dates, run backwards or are longer than two years', () => {
    const paths = (key: string) => refused(() => periodOf(key)).map((f) => f.path);
    expect(paths('2026-02-30~2026-03-05')).to.deep.equal(['from']);
    expect(paths('2026-03-05~2026-02-30')).to.deep.equal(['to']);
    expect(paths('2026-13-01~2026-13-05')).to.deep.equal(['from', 'to']);
    expect(paths('2026-03-05~2026-03-04')).to.deep.equal(['to']);
    expect(paths('2026-01-01~2028-01-02')).to.deep.equal(['to']);
    // Each reason has its own message (the wording is being localized, so it is not pinned here).
    const messages = ['2026-03-05~2026-03-04', '2026-01-01~2028-01-02', '2026-03-05~2026-02-30'].map(
      (key) => refused(() => periodOf(key))[0]!.message,
    );
    expect(new Set(messages).size).to.equal(3);
    expect(messages.every((m) => m.length > 0)).to.equal(true);
    expect(periodOf('2026-01-01~2028-01-01').to).to.equal('2028-01-01'); // 730 days is allowed
  });

  it('takes a key first, else a from/to range, else refuses', () => {
    expect(resolvePeriod({ key: '2026-B6', from: '2026-01-01', to: '2026-01-31' }).key).to.equal('2026-B6');
    expect(resolvePeriod({ key: null, from: '2026-01-01', to: '2026-01-31' }).key).to.equal('2026-01-01~2026-01-31');
    for (const input of [{}, { from: '2026-01-01' }, { to: '2026-01-31' }, { key: '', from: '', to: '' }])
      expect(refused(() => resolvePeriod(input)).map((f) => f.path)).to.deep.equal(['key']);
  });

  it('compares with the period of the same kind just before', () => {
    const before = (key: string) => previousPeriod(periodOf(key)).key;
    expect(['2026-B1', '2026-B2', '2026-B6', '2026-H1', '2026-H2', '2026'].map(before)).to.deep.equal([
      '2025-B6',
      '2026-B1',
      '2026-B5',
      '2025-H2',
      '2026-H1',
      '2025',
    ]);
    // Ten days back from the range's first day, ending the day before it.
    expect(before('2026-03-10~2026-03-19')).to.equal('2026-02-28~2026-03-09');
    expect(before('2026-01-01~2026-01-01')).to.equal('2025-12-31~2025-12-31');
  });

  it('lists the local months a period touches, across a year end', () => {
    expect(monthsOf(periodOf('2026-B6'))).to.deep.equal(['2026-11', '2026-12']);
    expect(monthsOf(periodOf('2026-11-15~2027-02-01'))).to.deep.equal(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf(periodOf('2026-09-20~2026-10-02'))).to.deep.equal(['2026-09', '2026-10']);
    expect(monthsOf(periodOf('2026-03-02~2026-03-20'))).to.deep.equal(['2026-03']);
    expect(monthsOf(periodOf('2026'))).to.have.length(12);
  });
});
