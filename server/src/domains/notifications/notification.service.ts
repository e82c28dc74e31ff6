import { Types, trusted } from 'mongoose';
import { rolesWith, type Capability } from '../../../../common/roles.js';
import { isDuplicateKey } from '../../db.js';
import type { SessionUser } from '../../graphql/context.js';
import { DEFAULT_LANG, t, type Lang } from '../../lib/messages.js';
import { enqueue } from '../../lib/outbox/outbox.js';
import { UserModel } from '../accounts/user.model.js';
import { NotificationModel, type Notification, type NotificationKind } from './notification.model.js';
import { notificationSettings } from './notification.settings.js';

// Telling staff that something needs them: in-app always (one record per person, shown by the
// bell), and through the outbox to the webhook when the centre configured one. Every event has a
// key, so raising it again (a retry, a second instance, the next sweep) notifies nobody twice.

export const WEBHOOK_CHANNEL = 'webhook';

/** A message key (English text, server/src/messages/notifications.ts) with its params. */
export interface Text {
  key: string;
  params: Record<string, string | number>;
}
/** A notification's words, stored as key and params: each reader gets them in their language. */
export const text = (key: string, params: Record<string, string | number> = {}): Text => ({ key, params });

export interface NotifyEvent {
  key: string;
  kind: NotificationKind;
  title: Text;
  body?: Text;
  link?: string;
  /** Whoever has the capability; a liaison only when it belongs to `department`. */
  to: { capability: Capability; department?: Types.ObjectId | string | null } | { users: string[] };
}

async function recipients(to: NotifyEvent['to']) {
  if ('users' in to) return to.users.map((u) => new Types.ObjectId(u));
  const roles = [...rolesWith(to.capability)];
  const users = await UserModel.find(
    {
      active: true,
      role: trusted({ $in: roles }),
      // Centre staff (no department) hear of every department; a liaison only of its own.
      $or: [
        { department: null },
        ...(to.department ? [{ department: new Types.ObjectId(String(to.department)) }] : []),
      ],
    },
    { _id: 1 },
  ).lean<Array<{ _id: Types.ObjectId }>>();
  return users.map((u) => u._id);
}

/** Raises one event: stores it for each recipient and queues it for the webhook. Idempotent. */
export async function notify(e: NotifyEvent) {
  const users = await recipients(e.to);
  const now = new Date();
  const docs = users.map((user) => ({
    _id: `${e.key}:${String(user)}`,
    user,
    eventKey: e.key,
    kind: e.kind,
    titleKey: e.title.key,
    bodyKey: e.body?.key ?? '',
    // Both texts share the params (a body may name what the title does).
    params: { ...e.title.params, ...e.body?.params },
    link: e.link ?? '',
    createdAt: now,
  }));
  if (docs.length) {
    await NotificationModel.insertMany(docs, { ordered: false }).catch((err: unknown) => {
      if (!isDuplicateKey(err) && !(err as { writeErrors?: unknown[] }).writeErrors) throw err;
    });
  }
  const { webhookUrl } = await notificationSettings.get();
  // No personal data leaves: what happened, where it is, how many were told.
  if (webhookUrl) {
    // In Chinese for the SMS / 政务微信 gateway, with the key and params for one that translates.
    await enqueue(WEBHOOK_CHANNEL, e.key, {
      kind: e.kind,
      title: t(e.title.key, e.title.params, DEFAULT_LANG),
      body: e.body ? t(e.body.key, e.body.params, DEFAULT_LANG) : '',
      message: { title: e.title, body: e.body ?? null },
      link: e.link ?? '',
      recipients: docs.length,
    });
  }
  return docs.length;
}

/** A stored notification's title and body in `lang`; rows from before the keys as stored. */
export function wordsOf(n: Notification, lang?: Lang) {
  const params = (n.params ?? {}) as Record<string, unknown>;
  return {
    title: n.titleKey ? t(n.titleKey, params, lang) : n.title,
    body: n.bodyKey ? t(n.bodyKey, params, lang) : n.body,
  };
}

/** The user's notifications, newest first, and how many are unread. */
export async function mine(user: SessionUser, limit: number) {
  const filter = { user: new Types.ObjectId(user.id) };
  const [items, unread] = await Promise.all([
    NotificationModel.find(filter).sort({ createdAt: -1 }).limit(limit).lean<Notification[]>(),
    NotificationModel.countDocuments({ ...filter, readAt: null }),
  ]);
  return { items, unread };
}

/** Marks the user's notifications read: the ones named, or all. */
export async function markRead(user: SessionUser, ids: readonly string[] | null) {
  await NotificationModel.updateMany(
    { user: new Types.ObjectId(user.id), readAt: null, ...(ids ? { _id: trusted({ $in: [...ids] }) } : {}) },
    { $set: { readAt: new Date() } },
  );
  return mine(user, 20);
}

/**
 * Raises an event on the side of another operation: a notification that cannot be stored must
 * not undo the rating, step or publication that caused it (the sweep or a reminder tells again).
 */
export async function tell(e: NotifyEvent) {
  try {
    await notify(e);
  } catch (err) {
    process.emitWarning(`notification ${e.key} not raised: ${(err as Error).message}`);
  }
}
