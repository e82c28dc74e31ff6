import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import mongoose, { Types } from 'mongoose';
import type { Capability } from '../../../../common/roles.js';
import { AppError } from '../../graphql/errors.js';

// Uploaded images live in MongoDB GridFS (bucket "files"), so app instances share them and a
// database backup covers them. The type is read from the bytes, never from the client's word.

export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
/** Evidence for follow-ups and appeals: photos or scanned documents. */
export const EVIDENCE_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;

/** Who may read a file: anyone (staff photos on the rating page) or logged-in staff only. */
export type Visibility = 'public' | 'staff';

export interface FileMeta {
  contentType: string;
  purpose: string;
  visibility: Visibility;
  /** For staff files: a liaison may read only its own department's (none while this is null). */
  department: string | null;
  /** For staff files: the capability a reader needs besides (complaint photos: not inspectors). */
  reader?: Capability | null;
  sha256: string;
  uploadedBy: string | null;
  /** The record an evidence file was uploaded for (files/evidence.ts), e.g. "followUp:<id>". */
  owner?: string;
}

/** The bucket; while the database is away (closing, reconnecting) an error the 503 handler knows. */
function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new mongoose.mongo.MongoNotConnectedError('the database is not connected');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: 'files' });
}

/** Checks the bytes are a JPEG or PNG within the size limit and stores them. */
export function storeImage(
  data: Buffer,
  meta: Omit<FileMeta, 'contentType' | 'sha256'>,
  maxBytes: number,
  /** A caller's own id, for an idempotent upload (see fileIdForKey); random when absent. */
  fileId?: Types.ObjectId,
) {
  return storeTyped(data, meta, maxBytes, IMAGE_TYPES, 'Only JPEG and PNG images are accepted', fileId);
}

/** Checks the bytes are one of `types` (read from the bytes) within the size limit and stores them. */
export async function storeTyped(
  data: Buffer,
  meta: Omit<FileMeta, 'contentType' | 'sha256'>,
  maxBytes: number,
  types: readonly string[],
  refusal: string,
  fileId?: Types.ObjectId,
) {
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty');
  if (data.length > maxBytes) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than {{mb}} MB', { http: { status: 413 } }, { mb });
  }
  const type = await fileTypeFromBuffer(data);
  if (!type || !types.includes(type.mime)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', refusal, { http: { status: 415 } });
  }
  const full: FileMeta = { ...meta, contentType: type.mime, sha256: createHash('sha256').update(data).digest('hex') };
  // A random id, not the usual ObjectId (a timestamp and a counter): a file's id is its address,
  // and staff files must not be found by counting from a known one.
  const id = fileId ?? new Types.ObjectId(randomBytes(12));
  const upload = bucket().openUploadStreamWithId(id, `${meta.purpose}.${type.ext}`, { metadata: full });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve()).once('error', reject);
    upload.end(data);
  });
  return { id: String(upload.id), contentType: type.mime, size: data.length };
}

/**
 * The file id an idempotency key stands for: the same uploader and key always give the same id,
 * so a retried upload finds the file it stored before (and a concurrent twin fails on the unique
 * _id). Derived by hashing, so the id is as hard to guess as the client's random key.
 */
export const fileIdForKey = (purpose: string, uploader: string, key: string) =>
  new Types.ObjectId(createHash('sha256').update(`${purpose}:${uploader}:${key}`).digest().subarray(0, 12));

export async function fileInfo(id: string) {
  if (!Types.ObjectId.isValid(id)) return null;
  const [file] = await bucket()
    .find({ _id: new Types.ObjectId(id) })
    .limit(1)
    .toArray();
  return file ? { id, length: file.length, uploadDate: file.uploadDate, meta: file.metadata as FileMeta } : null;
}

export function openFile(id: string): Readable {
  return bucket().openDownloadStream(new Types.ObjectId(id));
}

export async function removeFile(id: string | null | undefined) {
  if (!id) return;
  await bucket()
    .delete(new Types.ObjectId(id))
    .catch(() => undefined); // already gone is fine
}
