import { CaseRecordModel } from '../../cases/case.model.js';
import { groupCells } from './cells.js';
import type { Frame } from './figures.js';

const inside = (p: { from: string; to: string }) => ({ periodFrom: { $gte: p.from }, periodTo: { $lte: p.to } });

/** Case figures from the records lying wholly inside either period (a monthly import sums into a bimonth). */
export function caseCells(f: Frame) {
  return groupCells(
    CaseRecordModel,
    [{ $match: { $or: [inside(f.previous), inside(f.current)] } }],
    { department: '$department', window: '$window', staff: null, current: { $gte: ['$periodFrom', f.current.from] } },
    {
      accepted: { $sum: '$accepted' },
      completed: { $sum: '$completed' },
      casesOnTime: { $sum: '$onTime' },
      overdue: { $sum: '$overdue' },
    },
  );
}
