import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { FollowUpModel, type FollowUp } from '../follow-ups/follow-up.model.js';
import { NoticeModel, type Notice } from '../notices/notice.model.js';
import { notify, text } from './notification.service.js';

// 催办 / 催签: a manager reminds a department's liaisons of what waits for them. Reminders in the
// same minute count as one (a double click), later ones are new events.
const minute = () => Math.floor(Date.now() / 60_000);

export async function remindFollowUp(user: SessionUser, id: string, note: string) {
  const f = await FollowUpModel.findById(id).lean<FollowUp>();
  if (!f) throw notFound('Follow-up');
  if (f.state === 'CLOSED' || f.state === 'EXCLUDED')
    throw invalidState('This follow-up is closed; there is nothing to remind');
  return notify({
    key: `remind:followUp:${id}:${minute()}`,
    kind: 'REMINDER',
    title: text('Reminder: follow-up of a bad rating'),
    body: note
      ? text('{{name}} sent a reminder about a follow-up: {{note}}', { name: user.displayName, note })
      : text('{{name}} sent a reminder about a follow-up', { name: user.displayName }),
    link: `/admin/follow-ups?id=${id}`,
    to: { capability: 'respondForDepartment', department: f.department },
  });
}

export async function remindNotice(user: SessionUser, id: string, note: string) {
  const n = await NoticeModel.findById(id).lean<Notice>();
  if (!n) throw notFound('Notice');
  if (n.status !== 'PUBLISHED') throw invalidState('The notice is not published yet');
  const waiting = n.receipts.filter((r) => !r.acknowledgedAt);
  if (!waiting.length) throw invalidState('Every department has acknowledged it');
  let told = 0;
  for (const r of waiting) {
    told += await notify({
      key: `remind:notice:${id}:${String(r.department)}:${minute()}`,
      kind: 'REMINDER',
      title: text('Reminder to acknowledge: {{notice}}', { notice: n.number || n.title }),
      body: note
        ? text('{{name}} asks you to acknowledge the notice: {{note}}', { name: user.displayName, note })
        : text('{{name}} asks you to acknowledge the notice', { name: user.displayName }),
      link: `/admin/notices/${id}`,
      to: { capability: 'respondForDepartment', department: r.department },
    });
  }
  return told;
}
