import mongoose from 'mongoose';
import { Types } from 'mongoose';
import { validationFailed } from '../../graphql/errors.js';
import { EVIDENCE_TYPES, storeTyped } from './file-store.js';

// Evidence (photos, PDFs) for a workflow step: uploaded first for one record (its "owner"), then
// named by the step that uses it. A file is claimed once, by its owner only, so evidence cannot
// be moved from one record to another, and a step resent after a crash claims the same files.

export const EVIDENCE_PURPOSE = 'evidence';
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;

const filesCollection = () => mongoose.connection.db!.collection('files.files');

/** Stores one evidence file for `owner`, readable by staff of `department` (and the centre). */
export function storeEvidence(data: Buffer, owner: string, department: string, uploadedBy: string) {
  return storeTyped(
    data,
    { purpose: EVIDENCE_PURPOSE, visibility: 'staff', department, uploadedBy, owner },
    MAX_EVIDENCE_BYTES,
    EVIDENCE_TYPES,
    'Evidence must be a JPEG or PNG image or a PDF file',
  );
}

export interface Evidence {
  file: Types.ObjectId;
  contentType: string;
}

/** Claims the files for a step of `owner`'s; fails on any id that is not its unclaimed evidence. */
export async function claimEvidence(ids: readonly string[], owner: string, step: string): Promise<Evidence[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  if (unique.length > MAX_EVIDENCE_FILES) {
    throw validationFailed([
      { path: 'attachmentIds', message: 'at most {{count}} attachments', params: { count: MAX_EVIDENCE_FILES } },
    ]);
  }
  const objectIds = unique.map((id) => new Types.ObjectId(id));
  const mine = { _id: { $in: objectIds }, 'metadata.purpose': EVIDENCE_PURPOSE, 'metadata.owner': owner };
  await filesCollection().updateMany(
    { ...mine, 'metadata.step': { $in: [null, step] } },
    { $set: { 'metadata.step': step } },
  );
  const claimed = await filesCollection()
    .find({ ...mine, 'metadata.step': step }, { projection: { 'metadata.contentType': 1 } })
    .toArray();
  if (claimed.length !== unique.length) {
    throw validationFailed([
      { path: 'attachmentIds', message: 'an attachment does not exist or belongs to another record or step' },
    ]);
  }
  return claimed.map((f) => ({
    file: f._id,
    contentType: String((f.metadata as { contentType: string }).contentType),
  }));
}
