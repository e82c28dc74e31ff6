import { localDateTime } from '../../../../common/time.js';
import { csvText } from '../../lib/csv.js';
import { t } from '../../lib/messages.js';
import { xlsxOf } from '../../lib/table-export.js';
import { overdueStep } from './complaint.deadlines.js';
import type { Complaint } from './complaint.model.js';

// The inbox as a spreadsheet for the center's staff: CSV (UTF-8 with a BOM, for Excel) or XLSX,
// headers in the reader's language (catalogue keys), values in Chinese. Personal data (name,
// phone) only when asked for.

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
  ['Tracking code', (c) => c.trackingCode],
  ['Filed at', (c) => local(c.createdAt)],
  ['Category', (c) => CATEGORY[c.category]],
  ['Window', (c) => [c.subject.windowCode, c.subject.windowName].filter(Boolean).join(' ')],
  ['Department complained about', (c) => c.subject.departmentName],
  ['Staff member', (c) => c.subject.staffName ?? ''],
  ['Service item', (c) => c.subject.serviceItemName ?? ''],
  ['State', (c) => STATE[c.state]],
  ['Handled by', (c) => c.assignedToName ?? ''],
  ['Accept by', (c) => local(c.acceptDueAt)],
  ['Reply by', (c) => local(c.replyDueAt)],
  ['Overdue', (c) => yesNo(overdueStep(c) !== null)],
  ['Replied at', (c) => local(c.repliedAt)],
  ['Replied on time', (c) => yesNo(c.repliedOnTime)],
  ['Closed at', (c) => local(c.closedAt)],
  ['Anonymous', (c) => yesNo(c.anonymous)],
  ['Complaint text', (c) => c.description],
];

const PERSONAL: Column[] = [
  ['Name', (c) => c.name ?? ''],
  ['Phone', (c) => c.phone ?? ''],
];

export function toCsv(rows: Complaint[], personal: boolean) {
  const columns = personal ? [...COLUMNS, ...PERSONAL] : COLUMNS;
  return `\uFEFF${csvText(
    columns.map(([h]) => t(h)),
    rows.map((c) => columns.map(([, v]) => v(c))),
  )}`;
}

/** The same list as a workbook: tracking codes and every other value as text cells. */
export function toXlsx(rows: Complaint[], personal: boolean) {
  const columns = personal ? [...COLUMNS, ...PERSONAL] : COLUMNS;
  return xlsxOf(
    columns.map(([h]) => t(h)),
    rows.map((c) => columns.map(([, v]) => v(c))),
    'complaints',
  );
}
