import { expect } from 'chai';
import { checkFigures, naturalKey, type CaseCounts } from '../../server/src/domains/cases/case.rules.js';

// The checks every case record passes, imported or entered by hand (cases/case.rules.ts).

const record = (r: Partial<{ periodFrom: string; periodTo: string } & CaseCounts> = {}) => ({
  periodFrom: '2026-03-01',
  periodTo: '2026-03-31',
  accepted: 10,
  completed: 8,
  onTime: 8,
  overdue: 0,
  ...r,
});
const fields = (r: Parameters<typeof record>[0]) => {
  const problems = checkFigures(record(r));
  for (const p of problems) expect(p.message, p.field).not.to.equal('');
  return problems.map((p) => p.field);
};

describe('unit: case record checks', () => {
  it('accepts a record whose dates are in order and whose counts add up', () => {
    expect(fields({})).to.deep.equal([]);
    expect(fields({ periodTo: '2026-03-01' })).to.deep.equal([]); // one day
    expect(fields({ accepted: 0, completed: 0, onTime: 0, overdue: 10_000_000 })).to.deep.equal([]);
  });

  it('refuses dates that are not real calendar dates, or run backwards', () => {
    expect(fields({ periodFrom: '2026-02-30' })).to.deep.equal(['periodFrom']);
    expect(fields({ periodTo: '2026-13-01' })).to.deep.equal(['periodTo']);
    expect(fields({ periodFrom: '', periodTo: '3/31/2026' })).to.deep.equal(['periodFrom', 'periodTo']);
    expect(fields({ periodFrom: '2026-04-01' })).to.deep.equal(['periodTo']);
    expect(fields({ periodFrom: 'x', periodTo: '2026-01-01' })).to.deep.equal(['periodFrom']); // no order to check
    const [notADate, backwards] = [record({ periodTo: 'x' }), record({ periodFrom: '2026-04-01' })].map(
      (r) => checkFigures(r)[0]!.message,
    );
    expect(notADate).not.to.equal(backwards);
  });

  it('refuses counts that are not whole numbers from 0 to ten million', () => {
    expect(fields({ accepted: -1 })).to.deep.equal(['accepted']);
    expect(fields({ overdue: 1.5 })).to.deep.equal(['overdue']);
    expect(fields({ accepted: 10_000_001 })).to.deep.equal(['accepted']);
    expect(fields({ accepted: Number.NaN, overdue: -3 })).to.deep.equal(['accepted', 'overdue']);
  });

  it('refuses more on time than completed, unless a count is already refused', () => {
    expect(fields({ completed: 7, onTime: 8 })).to.deep.equal(['onTime']);
    expect(fields({ completed: 8, onTime: 8 })).to.deep.equal([]);
    expect(fields({ completed: 1, onTime: 2.5 })).to.deep.equal(['onTime']);
    expect(fields({ completed: 0.5, onTime: 2 })).to.deep.equal(['completed']);
    const [notWhole, tooMany] = [record({ onTime: 2.5, completed: 1 }), record({ onTime: 9 })].map(
      (r) => checkFigures(r)[0]!.message,
    );
    expect(notWhole).not.to.equal(tooMany);
  });

  it('keys a record by department, window (none: null), service item and period', () => {
    const key = {
      department: 'd',
      window: undefined,
      serviceItem: 's',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
    };
    expect(naturalKey({ ...key, accepted: 3 } as typeof key)).to.deep.equal({ ...key, window: null });
    expect(naturalKey({ ...key, window: 'w' })).to.deep.equal({ ...key, window: 'w' });
  });
});
