import { uuid } from '@/citizen/uuid';
import type { FindingInput, PatrolData, PatrolWindow } from './api';
import type { LocalPhoto } from './offline';

type ServerFinding = PatrolData['patrolRound']['findings'][number];

/** A window's finding as the page keeps it: what was last saved (or queued) and whether it waits. */
export interface WindowRecord {
  input: FindingInput;
  queued: boolean;
  /** Its photos still on this device (while queued). */
  photos: LocalPhoto[];
}

/** Where a patrol photo is served (the server's photoUrl: /files/<id>, staff only). */
export const photoSrc = (id: string) => `/files/${id}`;

/** A fresh save of an edit: a new key, and an edit number that only grows on this device. */
const stamp = () => ({ clientKey: uuid(), seq: Date.now(), observedAt: new Date().toISOString() });

export const fromServer = (f: ServerFinding): FindingInput => ({
  clientKey: f.id,
  seq: f.seq,
  marks: f.marks.map((m) => ({ staffId: m.staff.id, presence: m.presence, reason: m.reason || null })),
  failures: f.failures.map((x) => ({ code: x.code, staffId: x.staffId ?? null })),
  photoIds: [...f.photoIds],
  note: f.note,
});

/** The one-tap 正常: everyone on duty at their post, nothing wrong. */
export const fineInput = (w: PatrolWindow): FindingInput => ({
  ...stamp(),
  marks: w.onDuty.map((s) => ({ staffId: s.id, presence: 'ON_POST' as const, reason: null })),
  failures: [],
  photoIds: [],
  note: '',
});

export const withStamp = (input: Omit<FindingInput, 'clientKey' | 'seq' | 'observedAt'>): FindingInput => ({
  ...stamp(),
  ...input,
});

/** What the server will raise from a finding (violation.service.ts): absent, away without a reason, failed checks. */
export function problemsOf(input: FindingInput): { code: string; staffId: string | null }[] {
  const presence = input.marks.flatMap((m) =>
    m.presence === 'ABSENT' || (m.presence === 'AWAY' && !m.reason) ? [{ code: m.presence, staffId: m.staffId }] : [],
  );
  return [...presence, ...input.failures.map((f) => ({ code: f.code, staffId: f.staffId ?? null }))];
}
