import { Schema, model, type InferSchemaType } from 'mongoose';

// One in-app notification for one staff member. Its _id is "<event key>:<user id>", so an event
// raised twice (a retry, two instances) notifies each person once.
export const NOTIFICATION_KINDS = [
  'ALERT',
  'FOLLOW_UP_ASSIGNED',
  'FOLLOW_UP_DUE',
  'FOLLOW_UP_OVERDUE',
  'REPLY_RETURNED',
  'NOTICE_TO_ACKNOWLEDGE',
  'REMINDER',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const notificationSchema = new Schema({
  _id: { type: String },
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  eventKey: { type: String, required: true },
  kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
  /** English message keys (server/src/messages/notifications.ts) and their params, read in the reader's language. */
  titleKey: { type: String, default: '' },
  bodyKey: { type: String, default: '' },
  params: { type: Schema.Types.Mixed, default: {} },
  /** Rows from before the keys: Chinese text, shown as stored. */
  title: { type: String, default: '' },
  body: { type: String, default: '' },
  /** Where the record is, in the staff admin (e.g. /admin/follow-ups?id=…). */
  link: { type: String, default: '' },
  createdAt: { type: Date, required: true },
  readAt: { type: Date, default: null },
});
notificationSchema.index({ user: 1, createdAt: -1 });
notificationSchema.index({ createdAt: 1 });

export type Notification = InferSchemaType<typeof notificationSchema> & { _id: string };
export const NotificationModel = model('Notification', notificationSchema, 'notifications');
