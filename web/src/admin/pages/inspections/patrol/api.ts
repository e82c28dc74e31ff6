import { request, sendFile } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Round = graphql(`
  query PatrolRound($id: ID!) {
    patrolRound(id: $id) {
      id
      date
      slot
      kind
      plannedAt
      dueAt
      state
      inspectorId
      inspectorName
      violationCount
      findings {
        id
        window {
          id
        }
        marks {
          staff {
            id
          }
          presence
          reason
        }
        failures {
          code
          staffId
        }
        photoIds
        photoUrls
        note
        seq
      }
    }
    windows(active: true) {
      id
      code
      name
      department {
        id
        shortName
      }
      onDuty {
        id
        name
        staffNo
      }
    }
    checklistItems(activeOnly: true) {
      id
      code
      kind
      label
      labelEn
      points
    }
  }
`);
const Start = graphql(`
  mutation StartRound($id: ID!) {
    startRound(id: $id) {
      id
    }
  }
`);
const Save = graphql(`
  mutation SaveFinding($roundId: ID!, $windowId: ID!, $input: FindingInput!) {
    saveFinding(roundId: $roundId, windowId: $windowId, input: $input) {
      id
      seq
    }
  }
`);
const Submit = graphql(`
  mutation SubmitRound($id: ID!, $note: String) {
    submitRound(id: $id, note: $note) {
      id
      state
      violationCount
    }
  }
`);

export type PatrolData = ResultOf<typeof Round>;
export type PatrolWindow = PatrolData['windows'][number];
export type FindingInput = VariablesOf<typeof Save>['input'];
export type Presence = FindingInput['marks'][number]['presence'];

export const loadRound = (id: string) => request(Round, { id });
export const startRound = (id: string) => request(Start, { id });
export const saveFinding = (roundId: string, windowId: string, input: FindingInput) =>
  request(Save, { roundId, windowId, input });
export const submitRound = (id: string, note: string | null) =>
  request(Submit, { id, note }).then((d) => d.submitRound);

/** Phone photos are large: send at most 1600 px on the long side, as JPEG. */
export async function shrink(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return file;
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', 0.85));
}

/** Uploads a (shrunk) photo; the same key always yields the same stored file, however often it is sent. */
export const uploadPhoto = (roundId: string, windowId: string, photo: Blob, key: string) =>
  sendFile<{ id: string; url: string }>(
    'POST',
    `/api/patrol/rounds/${roundId}/photos?windowId=${windowId}&key=${key}`,
    photo,
  );
