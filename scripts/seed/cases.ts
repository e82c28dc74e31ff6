// Demo cases handled (办件): one record per service item and month, from the month the demo
// activity starts to last month, as the approval system would export them. Sized like the
// report: about 65,000 cases a year across the center (32,724 accepted in its half-year), 99 %
// completed, a few overdue. Upserted by the natural key, so seeding again adds nothing.
import type { AnyBulkWriteOperation } from 'mongoose';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { localDate } from '../../common/time.js';

const YEARLY_CASES = 65_000;

/** A small deterministic generator (mulberry32), so every run plans the same figures. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole months from the one containing `from` up to the one before `today`: [first day, last day]. */
function months(from: string, today: string) {
  const out: Array<[string, string]> = [];
  for (let ym = from.slice(0, 7); ym < today.slice(0, 7);) {
    const [y, m] = ym.split('-').map(Number) as [number, number];
    out.push([`${ym}-01`, `${ym}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}`]);
    ym = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
  }
  return out;
}

export async function seedCases(days: number, now = new Date()) {
  const [items, windows] = await Promise.all([
    ServiceItemModel.find({ active: true }).sort({ code: 1 }).lean(),
    WindowModel.find({ active: true }).sort({ code: 1 }).lean(),
  ]);
  const windowsOf = (dept: unknown) => windows.filter((w) => String(w.department) === String(dept));
  // Some items draw crowds (a few with many cases, most with few): weights from 0.2 to 3.
  const weights = items.map((_, i) => 0.2 + rng(i + 11)() * rng(i + 97)() * 5.6);
  const perWeight = YEARLY_CASES / 12 / weights.reduce((a, b) => a + b, 0);
  const ops: AnyBulkWriteOperation[] = [];
  for (const [from, to] of months(localDate(new Date(now.getTime() - days * 86_400_000)), localDate(now))) {
    items.forEach((item, i) => {
      const random = rng(Number(from.replaceAll('-', '')) * 1000 + i);
      const own = windowsOf(item.department);
      const window = own.length ? own[i % own.length]!._id : null;
      const accepted = Math.max(0, Math.round(weights[i]! * perWeight * (0.75 + random() * 0.5)));
      const completed = Math.min(accepted, Math.round(accepted * (0.97 + random() * 0.03)));
      const overdue = random() < 0.8 ? 0 : Math.ceil(completed * random() * 0.06);
      const record = { department: item.department, window, serviceItem: item._id, periodFrom: from, periodTo: to };
      ops.push({
        updateOne: {
          filter: record,
          update: {
            $setOnInsert: {
              ...record,
              accepted,
              completed,
              onTime: completed - Math.min(overdue, completed),
              overdue,
              source: 'IMPORT',
            },
          },
          upsert: true,
        },
      });
    });
  }
  for (let i = 0; i < ops.length; i += 1000)
    await CaseRecordModel.bulkWrite(ops.slice(i, i + 1000), { ordered: false });
  return ops.length;
}
