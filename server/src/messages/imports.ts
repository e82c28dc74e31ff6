// Row reports of imports (lib/table-import.ts and each domain's *.import.ts): problems, keyed by
// their English text, and the columns' names for the user (column.<field>), in both languages.
const COLUMNS: Record<string, [zh: string, en: string]> = {
  department: ['部门编码', 'department code'],
  window: ['窗口编号', 'window code'],
  item: ['事项编码', 'service item code'],
  periodFrom: ['起始日期', 'period from'],
  periodTo: ['截止日期', 'period to'],
  accepted: ['受理数', 'accepted'],
  completed: ['办结数', 'completed'],
  onTime: ['按时办结', 'on time'],
  overdue: ['超期', 'overdue'],
  staffNo: ['工号', 'staff number'],
  date: ['日期', 'date'],
  signIn: ['签到时间', 'sign-in'],
  signOut: ['签退时间', 'sign-out'],
  name: ['名称', 'name'],
  type: ['类型', 'type'],
  caseNumber: ['办件编号', 'case number'],
  servedAt: ['受理时间', 'served at'],
  completedAt: ['办结时间', 'completed at'],
};

const columns = (i: 0 | 1) => Object.fromEntries(Object.entries(COLUMNS).map(([k, v]) => [`column.${k}`, v[i]]));

export const importsEn: Record<string, string> = columns(1);

export const importsZh: Record<string, string> = {
  ...columns(0),
  'legacy .xls files cannot be read: save as .xlsx or CSV': '无法读取旧版 .xls 文件：请另存为 .xlsx 或 CSV',
  'the file is not a readable XLSX workbook': '文件不是可读取的 XLSX 工作簿',
  'the file takes too long to read': '文件读取超时：请检查文件是否完好',
  'the file is too large to read': '文件过大，无法读取',
  'the CSV cannot be read from line {{line}} on (unbalanced quotes?)': 'CSV 从第 {{line}} 行起无法读取（引号不成对？）',
  'column missing': '缺少此列',
  'no known column found: is this the right file, saved as CSV (UTF-8) or XLSX?':
    '找不到任何已知的列：请确认文件正确，并保存为 CSV（UTF-8）或 XLSX',
  'no rows': '文件中没有数据行',
  'at most {{count}} rows': '最多 {{count}} 行',
  'no such window': '窗口不存在',
  'no such staff member': '工号不存在',
  'same case number as line {{first}}': '与第 {{first}} 行的办件编号重复',
  'not a date and time like 2026-03-02 09:15': '不是有效的日期时间（如 2026-03-02 09:15）',
  'must not be before the time served': '不能早于受理时间',
  'not a date like 2026-03-02': '不是有效日期（如 2026-03-02）',
  'not a time like 08:52': '不是有效时间（如 08:52）',
  'sign-in or sign-out required': '签到和签退至少填写一项',
  'must be after sign-in': '须晚于签到时间',
  'same staff member and date as line {{first}}': '与第 {{first}} 行的工号和日期重复',
  'same department, window, item and period as line {{first}}': '与第 {{first}} 行的部门、窗口、事项和周期重复',
  'Excel wrote this number in scientific notation: format the column as text and export again':
    'Excel 把该数字改写成了科学计数法：请将此列设为文本格式后重新导出',
};
