// Demo complaints: about twenty over the last four months (two of them likely duplicates), in every state of the workflow, so the
// inbox, the dashboard and the later bimonthly bulletin have something to show. Idempotent: each
// is inserted once under a fixed clientKey; dates are relative to the day of the first seeding.
import { createHash } from 'node:crypto';
import { UserModel, type User } from '../../server/src/domains/accounts/user.model.js';
import { deadlinesFor } from '../../server/src/domains/complaints/complaint.deadlines.js';
import {
  ComplaintModel,
  type Complaint,
  type ComplaintCategory,
  type ComplaintEvent,
} from '../../server/src/domains/complaints/complaint.model.js';
import { DepartmentModel, type Department } from '../../server/src/domains/departments/department.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel, type Window } from '../../server/src/domains/windows/window.model.js';
import { formatTrackingCode, TRACKING_CODE_ALPHABET } from '../../common/ids.js';
import { localDate } from '../../common/time.js';

type Outcome = 'received' | 'accepted' | 'investigating' | 'replied' | 'closed' | 'late' | 'rejected' | 'reopened';
type Citizen = readonly [name: string, phone: string] | null;

// [days ago, window, about the staff on duty?, category, description, citizen (null: anonymous), how far it got]
const PLAN: ReadonlyArray<readonly [number, string, boolean, ComplaintCategory, string, Citizen, Outcome]> = [
  [
    118,
    'B02',
    true,
    'ATTITUDE',
    '办理企业设立登记时，工作人员说话不耐烦，问了两遍就让我自己看墙上的须知。',
    ['王先生', '13872651234'],
    'closed',
  ],
  [
    112,
    'C02',
    false,
    'EFFICIENCY',
    '办理身份证排队一个多小时，只开了一个窗口，后面的人都在等。',
    ['刘女士', '13986523317'],
    'closed',
  ],
  [105, 'B01', false, 'RULES_FEES', '企业名称核准窗口要求我另外购买一本指南，说不买不给办理。', null, 'closed'],
  [
    97,
    'D04',
    true,
    'EFFICIENCY',
    '不动产登记材料已经齐全，却让我下周再来，说系统今天不受理。',
    ['陈先生', '15827364410'],
    'late',
  ],
  [
    90,
    'C07',
    false,
    'ENVIRONMENT',
    '养老保险窗口前的叫号屏坏了一周，大家只能挤在窗口前问。',
    ['张女士', '13545678812'],
    'closed',
  ],
  [
    84,
    'B03',
    true,
    'ATTITUDE',
    '个体户登记时工作人员一直在看手机，问她问题也不抬头。',
    ['李先生', '18671234590'],
    'reopened',
  ],
  [
    76,
    'B11',
    false,
    'EFFICIENCY',
    '领发票的窗口中午十一点半就不叫号了，白跑一趟。',
    ['赵先生', '13797531246'],
    'closed',
  ],
  [
    70,
    'C19',
    false,
    'OTHER',
    '想咨询道路运输证年审，窗口说不归他们管，让我去交通局，能否在大厅说明清楚？',
    ['孙女士', '13607168823'],
    'rejected',
  ],
  [63, 'B05', false, 'INTEGRITY', '证照发放窗口有人暗示给好处可以加急，请核查。', null, 'closed'],
  [
    55,
    'D08',
    true,
    'ATTITUDE',
    '公积金提取被拒，工作人员没有解释原因，态度很冷淡。',
    ['周先生', '15972846601'],
    'late',
  ],
  [
    47,
    'B04',
    false,
    'EFFICIENCY',
    '变更登记承诺五个工作日，已经十个工作日还没有结果。',
    ['吴女士', '13476239985'],
    'closed',
  ],
  [40, 'C08', false, 'ENVIRONMENT', '医保窗口附近的座椅太少，老人只能站着等。', ['郑先生', '13329718846'], 'closed'],
  [33, 'B02', false, 'ATTITUDE', '工作人员对老年人很不耐心，说话声音很大。', ['冯女士', '18986017734'], 'replied'],
  [
    26,
    'C01',
    true,
    'EFFICIENCY',
    '户籍窗口说缺一份材料，但一次性告知单上没有写，来回跑了三次。',
    ['蒋先生', '13908642257'],
    'closed',
  ],
  [
    19,
    'B01',
    false,
    'RULES_FEES',
    '名称登记收了二十元“资料费”，没有开票据。',
    ['韩女士', '15071396624'],
    'investigating',
  ],
  [13, 'D01', false, 'ATTITUDE', '房屋交易窗口的工作人员和同事聊天，让我们等了很久。', null, 'investigating'],
  [
    8,
    'B03',
    false,
    'EFFICIENCY',
    '个体工商户登记系统一上午都是故障状态，没有人出来说明情况。',
    ['杨先生', '13687452210'],
    'accepted',
  ],
  [5, 'C09', false, 'OTHER', '就业服务窗口的宣传资料是几年前的政策，容易误导。', ['朱女士', '13451238867'], 'accepted'],
  [3, 'B02', false, 'ATTITUDE', '窗口人员态度生硬，没有一次性告知需要的材料。', ['秦先生', '18872205519'], 'received'],
  [
    2,
    'B02',
    false,
    'ATTITUDE',
    '企业设立登记窗口的工作人员说话很冲，材料问题也不讲清楚。',
    ['何女士', '13871025563'],
    'received',
  ],
  [
    0,
    'B05',
    true,
    'EFFICIENCY',
    '证照发放窗口排队半小时无人办理，工作人员不在岗。',
    ['许女士', '13995501376'],
    'received',
  ],
];

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A valid tracking code derived from the row number, so reseeding finds the same one. */
function seedCode(i: number) {
  const bytes = createHash('sha256').update(`seed-complaint-${i}`).digest();
  const alphabet = TRACKING_CODE_ALPHABET;
  return formatTrackingCode([...bytes.subarray(0, 12)].map((b) => alphabet[b % alphabet.length]).join(''));
}

interface Actors {
  manager: User;
  liaison: User;
}

/** Plays the workflow forward from filing as far as the plan says, stopping at the present. */
async function play(filed: Date, outcome: Outcome, dept: Department, actors: Actors, reply: string) {
  const { acceptDueAt, replyDueAt } = await deadlinesFor(filed);
  const now = Date.now();
  const events: ComplaintEvent[] = [];
  const set: Partial<Omit<Complaint, 'timeline'>> = { state: 'RECEIVED', acceptDueAt, replyDueAt };
  const by = (u: User) => ({ actor: u._id, actorName: u.displayName });
  // The GSJ liaison works its own department's complaints; the center handles the others.
  const handler = String(actors.liaison.department) === String(dept._id) ? actors.liaison : actors.manager;
  const step = (at: number, action: string, to: Complaint['state'], user: User | null, note = '', isPublic = true) => {
    if (at > now) return false;
    events.push({
      at: new Date(at),
      ...(user ? by(user) : { actor: null, actorName: 'citizen' }),
      action,
      from: set.state!,
      to,
      note,
      public: isPublic,
    });
    set.state = to;
    return true;
  };
  let t = filed.getTime();
  step(t, 'SUBMIT', 'RECEIVED', null);
  if (outcome === 'received') return { set, events };
  if (outcome === 'rejected') {
    step(
      t + 5 * HOUR,
      'REJECT',
      'REJECTED',
      actors.manager,
      '该事项不属于本中心受理范围，已告知向市交通运输局咨询，并在大厅咨询台增加了说明。',
    );
    return { set, events };
  }
  if (!step((t += 3 * HOUR), 'ACCEPT', 'ACCEPTED', actors.manager)) return { set, events };
  set.acceptedAt = new Date(t);
  if (outcome === 'accepted') return { set, events };
  if (!step((t += HOUR), 'ASSIGN', 'ASSIGNED', actors.manager, '请核实情况并按时答复。', false)) return { set, events };
  Object.assign(set, { assignedTo: dept._id, assignedToName: dept.name });
  if (!step((t += DAY), 'INVESTIGATE', 'INVESTIGATING', handler, '', false)) return { set, events };
  set.handler = handler._id;
  if (outcome === 'investigating') return { set, events };
  // Answers go out in the afternoon: the day before the deadline, or two days after it when late.
  t =
    outcome === 'late'
      ? replyDueAt.getTime() + 2 * DAY - 8 * HOUR
      : Math.max(t + 4 * HOUR, replyDueAt.getTime() - 32 * HOUR);
  if (!step(t, 'REPLY', 'REPLIED', handler, reply)) return { set, events };
  Object.assign(set, { repliedAt: new Date(t), repliedOnTime: t <= replyDueAt.getTime() });
  if (outcome === 'replied') return { set, events };
  if (!step((t += 18 * HOUR), 'REVIEW', 'REVIEWED', actors.manager, '', false)) return { set, events };
  if (!step((t += DAY), 'CLOSE', 'CLOSED', actors.manager, '已电话回访投诉人。')) return { set, events };
  Object.assign(set, { closedAt: new Date(t), calledBack: true });
  const answer = {
    resolved: outcome !== 'reopened',
    satisfaction: outcome === 'reopened' ? ('DISSATISFIED' as const) : ('SATISFIED' as const),
    at: new Date(t + DAY),
  };
  if (answer.at.getTime() > now) return { set, events };
  set.feedback = answer;
  if (outcome === 'reopened') {
    step(answer.at.getTime(), 'REOPEN', 'REOPENED', null);
    Object.assign(set, { reopenCount: 1, replyDueAt: (await deadlinesFor(answer.at)).replyDueAt });
  } else {
    step(answer.at.getTime(), 'FEEDBACK', 'CLOSED', null);
  }
  return { set, events };
}

const REPLY = '经核实，情况基本属实。已对相关工作人员进行批评教育，并在窗口增加了一次性告知说明。感谢您的监督。';

export async function seedComplaints(log: (m: string) => void = () => {}) {
  const manager = await UserModel.findOne({ username: 'manager' }).lean<User>();
  const liaison = await UserModel.findOne({ username: 'liaison' }).lean<User>();
  if (!manager || !liaison) return 0;
  const windows = new Map((await WindowModel.find().lean<Window[]>()).map((w) => [w.code, w]));
  const depts = new Map((await DepartmentModel.find().lean<Department[]>()).map((d) => [String(d._id), d]));
  const base = Date.now();
  let inserted = 0;
  for (const [i, [daysAgo, code, aboutStaff, category, description, citizen, outcome]] of PLAN.entries()) {
    const win = windows.get(code);
    const dept = win && depts.get(String(win.department));
    if (!win || !dept) continue;
    const duty = aboutStaff ? await DutyModel.findOne({ window: win._id }).sort({ from: -1 }).lean() : null;
    const staff = duty ? await StaffModel.findById(duty.staff).lean() : null;
    // Office hours on the day, local time (9:00 to 16:xx), but never in the future.
    const day = localDate(new Date(base - daysAgo * DAY));
    const filed = new Date(
      Math.min(Date.parse(`${day}T09:00:00+08:00`) + (i % 8) * HOUR + ((i * 13) % 60) * 60_000, base - 10 * 60_000),
    );
    const { set, events } = await play(filed, outcome, dept, { manager, liaison }, REPLY);
    const doc = {
      trackingCode: seedCode(i),
      clientKey: clientKey(i),
      subject: {
        kind: staff ? 'STAFF' : 'WINDOW',
        window: win._id,
        windowCode: win.code,
        windowName: win.name,
        department: dept._id,
        departmentName: dept.name,
        staff: staff?._id ?? null,
        staffName: staff?.name ?? null,
        serviceItem: null,
        serviceItemName: null,
      },
      category,
      description,
      anonymous: !citizen,
      name: citizen?.[0] ?? null,
      phone: citizen?.[1] ?? null,
      lookupKey: citizen ? citizen[1].slice(-4) : String(1000 + i * 37),
      createdAt: filed,
      updatedAt: events.at(-1)!.at,
      timeline: events,
      ...set,
    };
    // Inserted once, never updated: a rerun leaves every complaint (and its dates) as it was.
    const res = await ComplaintModel.updateOne(
      { clientKey: doc.clientKey },
      { $setOnInsert: doc },
      { upsert: true, timestamps: false },
    );
    inserted += res.upsertedCount;
  }
  log(`complaints: ${PLAN.length} demo complaints (${inserted} new)`);
  return PLAN.length;
}

function clientKey(i: number) {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}
