import { Schema, model, type InferRawDocType, type InferSchemaType } from 'mongoose';

// 您说，我们改: the few latest bad ratings fixed, precomputed per window (_id = the window's id)
// and for the whole centre (_id = 'centre'), so the public pages read one document by its _id.
export const CENTRE_BOARD = 'centre';
/** How many fixes a board keeps. */
export const BOARD_SIZE = 10;

const saidSchema = new Schema(
  { zh: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);

const fixDefinition = {
  /** The follow-up's id, to replace rather than repeat an entry (never shown). */
  key: { type: String, required: true },
  at: { type: Date, required: true },
  windowCode: { type: String, required: true },
  windowName: { type: String, default: '' },
  departmentName: { type: String, default: '' },
  /** What the citizen said, in short: the reasons they picked (labels as offered then). */
  said: { type: [saidSchema], default: [] },
  category: { type: String, default: null },
  /** What was done, as the manager worded it for the public on closing. */
  done: { type: String, default: '' },
} as const;
const fixSchema = new Schema(fixDefinition, { _id: false });

const fixBoardSchema = new Schema({
  _id: { type: String },
  items: { type: [fixSchema], default: [] },
  /** Optimistic concurrency: two closings at once both land. */
  version: { type: Number, default: 0 },
});

/** One entry as stored and read (lean): plain arrays. */
export type Fix = Omit<InferRawDocType<typeof fixDefinition>, 'said'> & { said: Array<{ zh: string; en: string }> };
export type FixBoard = Omit<InferSchemaType<typeof fixBoardSchema>, 'items'> & { _id: string; items: Fix[] };
export const FixBoardModel = model('FixBoard', fixBoardSchema, 'fix_boards');
