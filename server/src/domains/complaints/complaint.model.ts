import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { RATING_LEVELS } from '../../../../common/ratings.js';

export const CATEGORIES = ['ATTITUDE', 'EFFICIENCY', 'RULES_FEES', 'INTEGRITY', 'ENVIRONMENT', 'OTHER'] as const;
export const SUBJECT_KINDS = ['WINDOW', 'DEPARTMENT', 'STAFF'] as const;
export const STATES = [
  'RECEIVED',
  'ACCEPTED',
  'REJECTED',
  'ASSIGNED',
  'INVESTIGATING',
  'REPLIED',
  'REVIEWED',
  'CLOSED',
  'REOPENED',
] as const;
/** "How satisfied are you?" after closing, on the rating scale. */
export const SATISFACTION = RATING_LEVELS;

export type ComplaintState = (typeof STATES)[number];
export type ComplaintCategory = (typeof CATEGORIES)[number];

/** States in which the citizen still waits for an answer: the reply deadline runs. */
export const AWAITING_REPLY: readonly ComplaintState[] = [
  'RECEIVED',
  'ACCEPTED',
  'ASSIGNED',
  'INVESTIGATING',
  'REOPENED',
];
/** States that need no more work. */
export const FINISHED: readonly ComplaintState[] = ['REJECTED', 'CLOSED'];

// What the complaint is about, as it was when filed: names are copied so the record still reads
// right after a window is renamed, and a liaison handling it sees them without reading another
// department's registry.
const subjectSchema = new Schema(
  {
    kind: { type: String, enum: SUBJECT_KINDS, required: true },
    window: { type: Schema.Types.ObjectId, ref: 'Window', default: null },
    windowCode: { type: String, default: null },
    windowName: { type: String, default: null },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    departmentName: { type: String, required: true },
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
    staffName: { type: String, default: null },
    serviceItem: { type: Schema.Types.ObjectId, ref: 'ServiceItem', default: null },
    serviceItemName: { type: String, default: null },
  },
  { _id: false },
);

/** One step of the complaint's life: a transition, a note or a citizen's answer. */
const eventSchema = new Schema(
  {
    at: { type: Date, required: true },
    /** The staff account, or null for the citizen. */
    actor: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    actorName: { type: String, required: true },
    action: { type: String, required: true },
    from: { type: String, default: null },
    to: { type: String, default: null },
    note: { type: String, default: '' },
    /** Public events (and their notes) are what the citizen sees on the tracking page. */
    public: { type: Boolean, required: true },
  },
  { _id: false },
);

const complaintSchema = new Schema(
  {
    /** What the citizen reads out on the phone, e.g. TS-7KQ4-M9XR-2HCW (see complaint.codes.ts). */
    trackingCode: { type: String, required: true, unique: true },
    /** Made once per submission by the client: a retried submission finds this record again. */
    clientKey: { type: String, required: true, unique: true },
    subject: { type: subjectSchema, required: true },
    category: { type: String, enum: CATEGORIES, required: true },
    description: { type: String, required: true },
    /** GridFS ids of up to 3 photos (staff-only files). */
    photos: { type: [Schema.Types.ObjectId], default: [] },
    anonymous: { type: Boolean, required: true },
    name: { type: String, default: null },
    /** Digits only; needed for the call back, shown masked to all but the handler and managers. */
    phone: { type: String, default: null },
    /**
     * What complaintStatus's `contact` must match: the phone's last 4 digits, or for an anonymous
     * complaint a random 4-digit code given once at filing.
     */
    lookupKey: { type: String, required: true },
    ipHash: { type: String, default: null },

    state: { type: String, enum: STATES, required: true, default: 'RECEIVED' },
    timeline: { type: [eventSchema], default: [] },
    /** The department handling it (its liaison sees it), set by ASSIGN. */
    assignedTo: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    assignedToName: { type: String, default: null },
    /** The liaison who took it on (INVESTIGATE): sees the phone in full, with managers. */
    handler: { type: Schema.Types.ObjectId, ref: 'User', default: null },

    acceptDueAt: { type: Date, required: true },
    replyDueAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    repliedAt: { type: Date, default: null },
    repliedOnTime: { type: Boolean, default: null },
    closedAt: { type: Date, default: null },
    calledBack: { type: Boolean, default: null },
    reopenCount: { type: Number, default: 0 },
    duplicateOf: { type: Schema.Types.ObjectId, ref: 'Complaint', default: null },
    /** The citizen's answer after closing; cleared when it reopens (the timeline keeps it). */
    feedback: {
      type: new Schema(
        {
          resolved: { type: Boolean, required: true },
          satisfaction: { type: String, enum: SATISFACTION, required: true },
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { timestamps: true },
);

complaintSchema.index({ state: 1, createdAt: -1 });
complaintSchema.index({ assignedTo: 1, state: 1, createdAt: -1 });
complaintSchema.index({ 'subject.department': 1, createdAt: -1 });
complaintSchema.index({ 'subject.window': 1, category: 1, createdAt: -1 });
complaintSchema.index({ duplicateOf: 1 });

export type Complaint = InferSchemaType<typeof complaintSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export type ComplaintEvent = InferSchemaType<typeof eventSchema>;
export const ComplaintModel = model('Complaint', complaintSchema);
