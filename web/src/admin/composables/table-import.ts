import { languageHeader } from '@/graphql/client';
// Tabular imports (sign-ins, cases handled): the file goes up as it is, and the server answers
// with a row-by-row report; nothing is stored unless every row is valid.

export interface ImportReport {
  ok: boolean;
  rows: number;
  imported: number;
  added: number;
  updated: number;
  unchanged: number;
  encoding: string | null;
  errors: Array<{ line: number; field: string; column: string; message: string; value: string }>;
}

/** Sends the file; a 422 answer is the row report, not a failure of the request. */
export async function uploadTable(url: string, file: Blob): Promise<ImportReport> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...languageHeader(), 'x-wfp-csrf': '1', 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await res.json()) as ImportReport & { errors?: Array<{ message?: string }> };
  if (res.ok || res.status === 422) return body;
  throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
}
