// Column headers of exported lists (CSV and XLSX), keyed by their English text. Window,
// Department, Staff member and Service item come from errors.ts.
export const exportsZh: Record<string, string> = {
  // complaints
  'Tracking code': '投诉编号',
  'Filed at': '投诉时间',
  Category: '类别',
  'Department complained about': '被投诉部门',
  State: '状态',
  'Handled by': '承办部门',
  'Accept by': '受理期限',
  'Reply by': '答复期限',
  Overdue: '超期',
  'Replied at': '答复时间',
  'Replied on time': '按时答复',
  'Closed at': '办结时间',
  Anonymous: '匿名',
  'Complaint text': '投诉内容',
  Name: '姓名',
  Phone: '电话',
  // ratings
  Time: '时间',
  Staff: '人员',
  Level: '评价',
  Reasons: '原因',
  Comment: '意见',
  'Case number': '办件编号',
};
