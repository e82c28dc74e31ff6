import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// The patrol rulebook: what an inspector checks at each window and what a breach costs.
// PRESENCE rules are not ticked by hand: they follow from marking a person away or absent.
export const RULE_KINDS = ['PRESENCE', 'CHECK'] as const;

const checklistItemSchema = new Schema(
  {
    /** Stable code that violations keep, e.g. "PHONE". */
    code: { type: String, required: true, unique: true, uppercase: true, trim: true },
    kind: { type: String, enum: RULE_KINDS, required: true, default: 'CHECK' },
    label: { type: String, required: true, trim: true },
    labelEn: { type: String, default: '', trim: true },
    /** The rule as the center's regulations word it, printed on notices. */
    rule: { type: String, default: '', trim: true },
    /** Points deducted per breach (positive number, e.g. 0.5). */
    points: { type: Number, required: true, min: 0, max: 100 },
    active: { type: Boolean, default: true },
    order: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type ChecklistItem = InferSchemaType<typeof checklistItemSchema> & { _id: Types.ObjectId };
export const ChecklistItemModel = model('ChecklistItem', checklistItemSchema, 'checklist_items');
