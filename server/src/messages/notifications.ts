// Notification titles and bodies, keyed by their English text (shown as written in English).
// They are stored as key + params and put in the reader's language when read.
export const notificationsZh: Record<string, string> = {
  'New bad rating to follow up': '新差评待整改',
  'A bad rating came in: verify, rectify and call back within the deadline': '收到一条差评，请在期限内核实、整改并回访',
  'Follow-up overdue': '差评整改已逾期',
  'A follow-up is past its deadline; please close it soon': '一条差评整改已超过期限，请尽快办结',
  'Follow-up due tomorrow': '差评整改明日到期',
  'A follow-up is due within one working day': '一条差评整改将在一个工作日内到期',
  'Reminder: follow-up of a bad rating': '催办：差评整改',
  '{{name}} sent a reminder about a follow-up': '{{name}}催办一条差评整改',
  '{{name}} sent a reminder about a follow-up: {{note}}': '{{name}}催办一条差评整改：{{note}}',
  'Reminder to acknowledge: {{notice}}': '催签：{{notice}}',
  '{{name}} asks you to acknowledge the notice': '{{name}}提醒签收通报',
  '{{name}} asks you to acknowledge the notice: {{note}}': '{{name}}提醒签收通报：{{note}}',
  'Notice to acknowledge: {{notice}}': '通报待签收：{{notice}}',
  'Complaint reply returned: {{code}}': '投诉答复被退回：{{code}}',
  'Returned with: {{note}}': '退回意见：{{note}}',
  'Live rating alert': '评价实时预警',
  'A very dissatisfied rating came in': '收到非常不满意评价',
  'The share of bad ratings passed the alert threshold': '短时间内差评比例超过预警阈值',
};
