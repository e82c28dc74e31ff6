import type { Model, PipelineStage } from 'mongoose';
import { idText } from '../../../lib/ids.js';
import type { Cell, CountKey } from './figures.js';

/** The group key every source uses: department, window, staff member and current-or-previous. */
export interface CellKey {
  department: unknown;
  window: unknown;
  staff: unknown;
  /** An expression true for records of the current period. */
  current: unknown;
  month?: unknown;
}

export const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });

/**
 * Runs `stages` then one `$group` by the cell key, summing `sums` (each an accumulator per
 * figure), and returns plain cells. The groups are few (units × 2 periods), whatever the records.
 */
export async function groupCells(
  // Any collection: the stages say what is read from it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  stages: PipelineStage[],
  key: CellKey,
  sums: Partial<Record<CountKey, unknown>>,
): Promise<Cell[]> {
  const rows = await model.aggregate<{ _id: Record<string, unknown> } & Partial<Record<CountKey, number>>>([
    ...stages,
    { $group: { _id: key, ...sums } },
  ]);
  return rows.map(({ _id, ...counts }) => ({
    department: idText(_id.department),
    window: idText(_id.window),
    staff: idText(_id.staff),
    current: _id.current === true,
    month: (_id.month as string | undefined) ?? null,
    counts,
  }));
}
