import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { NOTIFICATION_KINDS, type Notification } from './notification.model.js';
import * as service from './notification.service.js';
import * as reminders from './reminder.service.js';
import { notificationSettings } from './notification.settings.js';
import { myWork, TODO_GROUPS, type Todo } from './todo.service.js';

const KindEnum = builder.enumType('NotificationKind', { values: NOTIFICATION_KINDS });

const NotificationRef = builder.objectRef<Notification>('Notification').implement({
  fields: (t) => ({
    id: t.exposeID('_id'),
    kind: t.field({ type: KindEnum, resolve: (n) => n.kind }),
    title: t.string({ description: "In the reader's language", resolve: (n) => service.wordsOf(n).title }),
    body: t.string({ description: "In the reader's language", resolve: (n) => service.wordsOf(n).body }),
    link: t.exposeString('link', { description: 'The record, as a path in the staff admin' }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
    read: t.boolean({ resolve: (n) => !!n.readAt }),
  }),
});

const Inbox = builder.objectRef<Awaited<ReturnType<typeof service.mine>>>('NotificationInbox').implement({
  fields: (t) => ({
    unread: t.exposeInt('unread'),
    items: t.field({ type: [NotificationRef], resolve: (i) => i.items }),
  }),
});

const SettingsRef = builder
  .objectRef<Awaited<ReturnType<typeof notificationSettings.get>>>('NotificationSettings')
  .implement({
    description: 'The webhook notifications also go to (the secret is never read back)',
    fields: (t) => ({
      webhookUrl: t.exposeString('webhookUrl'),
      secretSet: t.boolean({ resolve: (s) => s.webhookSecret.length > 0 }),
    }),
  });

const settingsInput = z.object({
  webhookUrl: z.string().trim().max(500),
  webhookSecret: optionalText(200).nullish(),
});
const reminderInput = z.object({ id: objectId, note: optionalText(200).nullish() });

builder.queryFields((t) => ({
  myNotifications: t.field({
    type: Inbox,
    description: "The viewer's notifications, newest first",
    authScopes: { staff: true },
    args: { limit: t.arg.int({ validate: z.number().int().min(1).max(100).nullish() }) },
    resolve: (_, a, ctx) => service.mine(requireUser(ctx.user), a.limit ?? 20),
  }),
  notificationSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'editNotificationSettings' },
    resolve: () => notificationSettings.get(),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: Inbox,
    description: 'Marks the named notifications read, or all of the viewer’s when none are named',
    authScopes: { staff: true },
    args: { ids: t.arg.stringList({ validate: z.array(z.string().max(200)).max(100).nullish() }) },
    resolve: (_, a, ctx) => service.markRead(requireUser(ctx.user), a.ids ?? null),
  }),
  updateNotificationSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'editNotificationSettings' },
    args: {
      webhookUrl: t.arg.string({ required: true, validate: settingsInput.shape.webhookUrl }),
      webhookSecret: t.arg.string({ description: 'Left out: unchanged', validate: settingsInput.shape.webhookSecret }),
    },
    resolve: (_, a, ctx) =>
      notificationSettings.update(
        { webhookUrl: a.webhookUrl, ...(a.webhookSecret ? { webhookSecret: a.webhookSecret } : {}) },
        requireUser(ctx.user).id,
      ),
  }),
  remindFollowUp: t.int({
    description: '催办: tells the liaisons of the follow-up’s department that it waits for them; returns how many',
    authScopes: { can: 'sendReminders' },
    args: {
      id: t.arg.id({ required: true, validate: reminderInput.shape.id }),
      note: t.arg.string({ validate: reminderInput.shape.note }),
    },
    resolve: (_, a, ctx) => reminders.remindFollowUp(requireUser(ctx.user), a.id, a.note ?? ''),
  }),
  remindNotice: t.int({
    description: '催签: tells the liaisons of departments that have not acknowledged the notice; returns how many',
    authScopes: { can: 'sendReminders' },
    args: {
      id: t.arg.id({ required: true, validate: reminderInput.shape.id }),
      note: t.arg.string({ validate: reminderInput.shape.note }),
    },
    resolve: (_, a, ctx) => reminders.remindNotice(requireUser(ctx.user), a.id, a.note ?? ''),
  }),
}));

const TodoGroup = builder.enumType('TodoGroup', { values: TODO_GROUPS });
const TodoRef = builder.objectRef<Todo>('Todo').implement({
  description: 'One line of the to-do home: a count of records waiting, with where to find them',
  fields: (t) => ({
    key: t.exposeString('key'),
    group: t.field({ type: TodoGroup, resolve: (x) => x.group }),
    count: t.exposeInt('count'),
    link: t.exposeString('link'),
  }),
});

builder.queryField('myWork', (t) =>
  t.field({
    type: [TodoRef],
    description: "The viewer's work: due today, overdue, waiting for me, waiting for others",
    authScopes: { staff: true },
    resolve: (_, __, ctx) => myWork(requireUser(ctx.user)),
  }),
);
