import { localDateTime } from '../../../../common/time.js';
import { csvText } from '../../lib/csv.js';
import { overdueStep } from './complaint.deadlines.js';
import type { Complaint } from './complaint.model.js';

// The inbox as a spreadsheet for the center's staff (Chinese headers, opened in Excel: UTF-8
// with a BOM). Personal data (name, phone) only when asked for.

const CATEGORY: Record<Complaint['category'], string> = {
  ATTITUDE: '服务态度',
  EFFICIENCY: '办事效率',
  RULES_FEES: '违规收费',
  INTEGRITY: '廉政问题',
  ENVIRONMENT: '环境设施',
  OTHER: '其他',
};

const STATE: Record<Complaint['state'], string> = {
  RECEIVED: '待受理',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  ASSIGNED: '已交办',
  INVESTIGATING: '核查中',
  REPLIED: '已答复',
  REVIEWED: '已审核',
  CLOSED: '已办结',
  REOPENED: '重新办理',
};

/** Local time in the center, "2026-03-05 14:30". */
const local = (d: Date | null | undefined) => (d ? localDateTime(d) : '');

const yesNo = (b: boolean | null | undefined) => (b == null ? '' : b ? '是' : '否');

type Column = [header: string, value: (c: Complaint) => string];

const COLUMNS: Column[] = [
  ['投诉编号', (c) => c.trackingCode],
  ['投诉时间', (c) => local(c.createdAt)],
  ['类别', (c) => CATEGORY[c.category]],
  ['窗口', (c) => [c.subject.windowCode, c.subject.windowName].filter(Boolean).join(' ')],
  ['被投诉部门', (c) => c.subject.departmentName],
  ['工作人员', (c) => c.subject.staffName ?? ''],
  ['服务事项', (c) => c.subject.serviceItemName ?? ''],
  ['状态', (c) => STATE[c.state]],
  ['承办部门', (c) => c.assignedToName ?? ''],
  ['受理期限', (c) => local(c.acceptDueAt)],
  ['答复期限', (c) => local(c.replyDueAt)],
  ['超期', (c) => yesNo(overdueStep(c) !== null)],
  ['答复时间', (c) => local(c.repliedAt)],
  ['按时答复', (c) => yesNo(c.repliedOnTime)],
  ['办结时间', (c) => local(c.closedAt)],
  ['匿名', (c) => yesNo(c.anonymous)],
  ['投诉内容', (c) => c.description],
];

const PERSONAL: Column[] = [
  ['姓名', (c) => c.name ?? ''],
  ['电话', (c) => c.phone ?? ''],
];

export function toCsv(rows: Complaint[], personal: boolean) {
  const columns = personal ? [...COLUMNS, ...PERSONAL] : COLUMNS;
  const header = columns.map(([h]) => h);
  return `\uFEFF${csvText(
    header,
    rows.map((c) => columns.map(([, v]) => v(c))),
  )}`;
}
