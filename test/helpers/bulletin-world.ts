// The hand-computed world of the bulletin tests: the small hall of patrol.ts with ratings,
// follow-ups, patrol findings, violations, a complaint and case figures in March 2031 (bimonth
// 2031-B2) and a little in February (the previous bimonth). bulletins.test.ts states the sums.
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { CaseRecordModel } from '../../server/src/domains/cases/case.model.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { makeRating } from './fixtures.js';
import { makeHall } from './patrol.js';
import { type RatingLevel } from '../../common/ratings.js';

type Seat = { window: string; staff: string };
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

async function rate(
  seat: Seat,
  department: string,
  day: string,
  levels: RatingLevel[],
  followUp?: { onTime: boolean },
) {
  for (const [i, level] of levels.entries()) {
    const when = at(day, `10:${String(i).padStart(2, '0')}`);
    const id = await makeRating({ ...seat, department, level, at: when });
    if (followUp && (level === 'DISSATISFIED' || level === 'VERY_DISSATISFIED')) {
      const dueAt = new Date(when.getTime() + 5 * 86_400_000);
      await FollowUpModel.create({
        rating: id,
        ...seat,
        department,
        level,
        ratedAt: when,
        bimonth: '2031-B2',
        state: 'CLOSED',
        dueAt,
        closedAt: new Date(dueAt.getTime() + (followUp.onTime ? -86_400_000 : 86_400_000)),
        onTime: followUp.onTime,
      });
    }
  }
}

async function observe(seat: Seat, department: string, day: string, presence: string, reason = '') {
  await FindingModel.create({
    round: new Types.ObjectId(),
    window: seat.window,
    department,
    observedAt: at(day, '09:00'),
    marks: [{ staff: seat.staff, presence, reason }],
    clientKey: randomUUID(),
    seq: 1,
    savedBy: new Types.ObjectId(),
    submitted: true,
  });
}

async function violate(seat: Seat, department: string, day: string, points: number, status: string) {
  await ViolationModel.create({
    round: new Types.ObjectId(),
    finding: new Types.ObjectId(),
    raisedBy: new Types.ObjectId(),
    ...seat,
    department,
    code: 'PHONE',
    label: '玩手机',
    points,
    observedAt: at(day),
    status,
  });
}

async function complain(seat: Seat, department: string, day: string) {
  const filed = at(day);
  await ComplaintModel.create({
    trackingCode: `TS-${randomUUID().slice(0, 8)}`,
    clientKey: randomUUID(),
    subject: { kind: 'STAFF', ...seat, department, departmentName: '市工商行政管理局' },
    category: 'ATTITUDE',
    description: '态度生硬',
    anonymous: true,
    lookupKey: '1234',
    state: 'CLOSED',
    acceptDueAt: filed,
    replyDueAt: new Date(filed.getTime() + 5 * 86_400_000),
    repliedAt: filed,
    repliedOnTime: true,
    createdAt: filed,
  });
}

export async function makeBulletinWorld() {
  const hall = await makeHall();
  // March: 赵一 (B01) 3 good + 1 bad (followed up on time); 钱二 (B02) 2 good; 孙三 (C01) 2 good,
  // 1 basic, 1 bad (closed late) and a suspect rating that does not count.
  await rate(hall.b01, hall.gsj, '2031-03-10', ['VERY_SATISFIED', 'VERY_SATISFIED', 'VERY_SATISFIED', 'DISSATISFIED'], {
    onTime: true,
  });
  await rate(hall.b02, hall.gsj, '2031-03-11', ['SATISFIED', 'SATISFIED']);
  await rate(hall.c01, hall.dsj, '2031-03-12', ['VERY_SATISFIED', 'VERY_SATISFIED', 'BASIC', 'VERY_DISSATISFIED'], {
    onTime: false,
  });
  await makeRating({
    ...hall.c01,
    department: hall.dsj,
    level: 'VERY_DISSATISFIED',
    at: at('2031-03-12'),
    suspect: true,
  });
  // February (previous bimonth): B01 one very satisfied, C01 one very dissatisfied.
  await rate(hall.b01, hall.gsj, '2031-02-10', ['VERY_SATISFIED']);
  await rate(hall.c01, hall.dsj, '2031-02-10', ['VERY_DISSATISFIED']);
  // Patrols: 赵一 on post twice; 钱二 on post, then away without a reason; 孙三 on post, then away with one.
  await observe(hall.b01, hall.gsj, '2031-03-03', 'ON_POST');
  await observe(hall.b01, hall.gsj, '2031-03-04', 'ON_POST');
  await observe(hall.b02, hall.gsj, '2031-03-03', 'ON_POST');
  await observe(hall.b02, hall.gsj, '2031-03-04', 'AWAY');
  await observe(hall.c01, hall.dsj, '2031-03-03', 'ON_POST');
  await observe(hall.c01, hall.dsj, '2031-03-04', 'AWAY', '取资料');
  // 孙三: one confirmed violation (1 point); 钱二: a pending one that does not count yet.
  await violate(hall.c01, hall.dsj, '2031-03-05', 1, 'CONFIRMED');
  await violate(hall.b02, hall.gsj, '2031-03-05', 3, 'PENDING');
  // One complaint about 钱二, accepted and answered on time.
  await complain(hall.b02, hall.gsj, '2031-03-06');
  // Cases: GSJ at B01 100 accepted, 90 completed, 81 on time; DSJ (no window) 50/50/50.
  const item = (code: string, department: string) =>
    ServiceItemModel.create({
      code,
      name: `${code} 事项`,
      department,
      category: 'LICENSING',
      legalDays: 20,
      promisedDays: 5,
    });
  const gsjItem = await item('GSJ-001', hall.gsj);
  const dsjItem = await item('DSJ-001', hall.dsj);
  const record = { periodFrom: '2031-03-01', periodTo: '2031-03-31', source: 'IMPORT' };
  await CaseRecordModel.create({
    ...record,
    department: hall.gsj,
    window: hall.b01.window,
    serviceItem: gsjItem._id,
    accepted: 100,
    completed: 90,
    onTime: 81,
    overdue: 9,
  });
  await CaseRecordModel.create({
    ...record,
    department: hall.dsj,
    window: null,
    serviceItem: dsjItem._id,
    accepted: 50,
    completed: 50,
    onTime: 50,
    overdue: 0,
  });
  return { ...hall, gsjItem: String(gsjItem._id), dsjItem: String(dsjItem._id) };
}
