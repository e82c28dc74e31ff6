// Filing and handling complaints over HTTP, as the citizen pages and the admin do.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import type { Client } from './client.js';

export const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { trackingCode lookupCode expectedBy } }`;
export const STATUS = `query($code: String!, $contact: String!) {
  complaintStatus(trackingCode: $code, contact: $contact) {
    trackingCode state category filedAt expectedBy canGiveFeedback reopenableUntil
    progress { at action state note }
    feedback { resolved satisfaction }
  }
}`;
export const FEEDBACK = `mutation($input: ComplaintFeedbackInput!) { giveComplaintFeedback(input: $input) { state canGiveFeedback feedback { resolved } } }`;
export const ACT = `mutation($id: ID!, $input: ComplaintActionInput!) { actOnComplaint(id: $id, input: $input) { id state allowedActions } }`;
export const DETAIL = `query($id: ID!) {
  complaint(id: $id) {
    id trackingCode state name phone overdue allowedActions handlerName repliedOnTime
    subject { kind windowCode departmentName staffName }
    assignedTo { code }
    timeline { action from to note public actorName }
  }
}`;

export const PHONE = '13812345678';

export function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: randomUUID(),
    subjectKind: 'WINDOW',
    windowCode: 'B07',
    category: 'ATTITUDE',
    description: '窗口工作人员态度生硬，不耐烦回答问题。',
    anonymous: false,
    name: '王先生',
    phone: PHONE,
    ...overrides,
  };
}

/** Files a complaint as a citizen; returns its tracking code and database id. */
export async function fileComplaint(citizen: Client, overrides: Record<string, unknown> = {}) {
  const res = await citizen.gql(SUBMIT, { input: complaintInput(overrides) });
  expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
  const { trackingCode, lookupCode } = res.data.submitComplaint as { trackingCode: string; lookupCode: string | null };
  const doc = await ComplaintModel.findOne({ trackingCode }).lean();
  return { trackingCode, lookupCode, id: String(doc!._id) };
}

/** Takes a workflow step and insists it worked. */
export async function act(staff: Client, id: string, input: Record<string, unknown>) {
  const res = await staff.gql(ACT, { id, input });
  expect(res.errors, `${String(input.action)}: ${JSON.stringify(res.errors)}`).to.equal(undefined);
  return res.data.actOnComplaint as { id: string; state: string; allowedActions: string[] };
}

export function uploadPhoto(baseUrl: string, body: Buffer, headers: Record<string, string> = { 'x-wfp-csrf': '1' }) {
  return fetch(`${baseUrl}/api/complaints/photos`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...headers },
    body: new Uint8Array(body),
  });
}

export const errorCode = async (res: Response) =>
  ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;
