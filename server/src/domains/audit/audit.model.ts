import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// Append-only record of every staff mutation: who, what, on which record, when, and whether it
// was allowed, and from which address (staff workstations: kept for investigations, readable only
// with readAuditLog). Arguments are kept with secrets and personal data redacted.
const auditSchema = new Schema({
  at: { type: Date, required: true },
  actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  actorName: { type: String, default: null },
  role: { type: String, default: null },
  action: { type: String, required: true },
  targetType: { type: String, default: null },
  targetId: { type: String, default: null },
  ok: { type: Boolean, required: true },
  errorCode: { type: String, default: null },
  args: { type: String, default: null },
  requestId: { type: String, default: null },
  source: { type: String, default: null },
});

auditSchema.index({ at: -1 });
auditSchema.index({ actor: 1, at: -1 });
auditSchema.index({ targetId: 1, at: -1 });

export type AuditEntry = InferSchemaType<typeof auditSchema> & { _id: Types.ObjectId };
export const AuditModel = model('AuditEntry', auditSchema, 'audit_log');
