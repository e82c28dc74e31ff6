import { idText } from '../../../lib/ids.js';
import { patrolPipeline } from '../../inspections/attendance.service.js';
import { FindingModel } from '../../inspections/finding.model.js';
import { ViolationModel } from '../../inspections/violation.model.js';
import { groupCells } from './cells.js';
import type { Cell, Frame } from './figures.js';
import { endOfLocalDay, startOfLocalDay } from '../../../../../common/time.js';

const span = (f: Frame) => ({ $gte: startOfLocalDay(f.previous.from), $lte: endOfLocalDay(f.current.to) });
const isCurrent = (f: Frame, field: string) => ({ $gte: [field, startOfLocalDay(f.current.from)] });

/** Confirmed violations and their points (copied from the rulebook when raised). */
export function violationCells(f: Frame) {
  return groupCells(
    ViolationModel,
    [{ $match: { status: 'CONFIRMED', observedAt: span(f) } }],
    { department: '$department', window: '$window', staff: '$staff', current: isCurrent(f, '$observedAt') },
    { violations: { $sum: 1 }, points: { $sum: '$points' } },
  );
}

/**
 * Attendance as the patrols saw it, with the attendance page's own pipeline: present = on post or
 * away with a stated reason, out of every time a submitted round saw the person.
 */
export async function attendanceCells(f: Frame): Promise<Cell[]> {
  const key = {
    department: '$department',
    window: '$window',
    staff: '$marks.staff',
    current: isCurrent(f, '$observedAt'),
  };
  const rows = await FindingModel.aggregate<{
    _id: Record<string, unknown>;
    observations: number;
    onPost: number;
    excused: number;
  }>(patrolPipeline({ submitted: true, observedAt: span(f) }, key));
  return rows.map(({ _id, observations, onPost, excused }) => ({
    department: String(_id.department),
    window: String(_id.window),
    staff: idText(_id.staff),
    current: _id.current === true,
    counts: { observations, present: onPost + excused },
  }));
}
