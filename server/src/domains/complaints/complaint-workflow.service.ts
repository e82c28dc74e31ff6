import { Types } from 'mongoose';
import type { z } from 'zod';
import { can, type Capability } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { assertComplaint } from './complaint.access.js';
import type { complaintActionInput } from './complaint.inputs.js';
import { deadlinesFor } from './complaint.deadlines.js';
import { ComplaintModel, type Complaint, type ComplaintState } from './complaint.model.js';
import { filePhotosUnder } from './complaint-photos.js';
import { tell, text } from '../notifications/notification.service.js';

// The handling workflow as a table: which states an action leaves, where it goes, who may take
// it, and whether the citizen sees the step (with its note) on the tracking page.
//
//   RECEIVED ─ACCEPT→ ACCEPTED ─ASSIGN→ ASSIGNED ─INVESTIGATE→ INVESTIGATING ─REPLY→ REPLIED
//      └REJECT→ REJECTED          REPLIED ─REVIEW→ REVIEWED ─CLOSE→ CLOSED ─REOPEN→ REOPENED
//   REPLIED ─RETURN→ INVESTIGATING (rework); REOPENED ─ASSIGN / INVESTIGATE→ as above.
//
// A department's reply reaches the citizen only when the centre approves it (REVIEW); a reply
// sent back (RETURN) stays internal for good (complaint-tracking.service.ts decides at read time).
//
// `who` is the capability a step needs (common/roles.ts): the center's steps need
// manageComplaints; handling steps also go to the liaison of the department it is assigned to.

export const ACTIONS = {
  ACCEPT: { from: ['RECEIVED'], to: 'ACCEPTED', who: 'manageComplaints', public: true, note: 'optional' },
  REJECT: { from: ['RECEIVED'], to: 'REJECTED', who: 'manageComplaints', public: true, note: 'required' },
  ASSIGN: {
    from: ['ACCEPTED', 'ASSIGNED', 'INVESTIGATING', 'REOPENED'],
    to: 'ASSIGNED',
    who: 'manageComplaints',
    public: false,
    note: 'optional',
  },
  INVESTIGATE: {
    from: ['ASSIGNED', 'REOPENED'],
    to: 'INVESTIGATING',
    who: 'handleComplaints',
    public: false,
    note: 'optional',
  },
  REPLY: { from: ['INVESTIGATING'], to: 'REPLIED', who: 'handleComplaints', public: false, note: 'required' },
  RETURN: { from: ['REPLIED'], to: 'INVESTIGATING', who: 'manageComplaints', public: false, note: 'required' },
  REVIEW: { from: ['REPLIED'], to: 'REVIEWED', who: 'manageComplaints', public: false, note: 'optional' },
  CLOSE: { from: ['REVIEWED'], to: 'CLOSED', who: 'manageComplaints', public: true, note: 'optional' },
  REOPEN: { from: ['CLOSED'], to: 'REOPENED', who: 'manageComplaints', public: true, note: 'required' },
} as const satisfies Record<
  string,
  {
    from: readonly ComplaintState[];
    to: ComplaintState;
    who: Capability;
    public: boolean;
    note: 'optional' | 'required';
  }
>;

export type ComplaintAction = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ComplaintAction[];

type ActionInput = z.output<typeof complaintActionInput>;

/** Whether the user's role may take the action at all (states aside). */
const mayTake = (user: SessionUser, action: ComplaintAction) => can(user.role, ACTIONS[action].who);

/** The actions the user may take on the complaint now: the detail page's buttons. */
export function allowedActions(user: SessionUser | null, c: Pick<Complaint, 'state'>) {
  if (!user) return [];
  return ACTION_NAMES.filter((a) => mayTake(user, a) && (ACTIONS[a].from as readonly string[]).includes(c.state));
}

export async function loadComplaint(user: SessionUser | null, id: string) {
  const c = await ComplaintModel.findById(id).lean<Complaint>();
  if (!c) throw notFound('Complaint');
  assertComplaint(user, c);
  return c;
}

const eventOf = (
  user: SessionUser,
  action: string,
  note: string,
  isPublic: boolean,
  from: string | null,
  to: string | null,
) => ({
  at: new Date(),
  actor: new Types.ObjectId(user.id),
  actorName: user.displayName,
  action,
  from,
  to,
  note,
  public: isPublic,
});

/** The fields an action sets besides the state, after checking what it needs. */
async function effectsOf(
  user: SessionUser,
  c: Complaint,
  input: ActionInput,
  now: Date,
): Promise<Record<string, unknown>> {
  switch (input.action) {
    case 'ACCEPT':
      return { acceptedAt: now };
    case 'ASSIGN': {
      const dept = input.departmentId
        ? await DepartmentModel.findOne({ _id: input.departmentId, active: true }).lean<Department>()
        : null;
      if (!dept) throw validationFailed([{ path: 'departmentId', message: 'choose an active department' }]);
      await filePhotosUnder(c.photos, dept._id);
      return { assignedTo: dept._id, assignedToName: dept.name, handler: null };
    }
    case 'INVESTIGATE':
      return { handler: new Types.ObjectId(user.id) };
    case 'REPLY':
      return { repliedAt: now, repliedOnTime: now <= c.replyDueAt };

    case 'CLOSE':
      if (c.phone && !input.calledBack) {
        throw validationFailed([{ path: 'calledBack', message: 'call the citizen back before closing' }]);
      }
      return { closedAt: now, calledBack: !!input.calledBack };
    case 'REOPEN':
      return { replyDueAt: (await deadlinesFor(now)).replyDueAt, $inc: { reopenCount: 1 } };
    default:
      return {};
  }
}

/**
 * Takes one workflow step. The update only applies if the complaint is still in the state it
 * was read in, so two people acting at once cannot both move it (the second gets INVALID_STATE).
 */
export async function act(user: SessionUser, id: string, input: ActionInput) {
  const c = await loadComplaint(user, id);
  const def = ACTIONS[input.action];
  if (!mayTake(user, input.action)) throw forbidden('this action on complaints');
  if (!(def.from as readonly string[]).includes(c.state)) {
    throw invalidState('A complaint in state {{state}} cannot take {{action}}', {
      state: c.state,
      action: input.action,
    });
  }
  const note = input.note?.trim() ?? '';
  if (def.note === 'required' && !note) throw validationFailed([{ path: 'note', message: 'required' }]);
  const now = new Date();
  const { $inc, ...set } = await effectsOf(user, c, input, now);
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: c._id, state: c.state },
    {
      $set: { ...set, state: def.to },
      $push: { timeline: eventOf(user, input.action, note, def.public, c.state, def.to) },
      ...($inc ? { $inc } : {}),
    },
    { new: true },
  ).lean<Complaint>();
  if (!updated) throw invalidState('The complaint changed meanwhile; reload it');
  if (input.action === 'RETURN' && c.assignedTo) {
    await tell({
      key: `complaint:${id}:returned:${c.timeline.length}`,
      kind: 'REPLY_RETURNED',
      title: text('Complaint reply returned: {{code}}', { code: c.trackingCode }),
      body: text('Returned with: {{note}}', { note }),
      link: `/admin/complaints/${id}`,
      to: { capability: 'handleComplaints', department: c.assignedTo },
    });
  }
  return updated;
}

/** Adds a note: internal (staff only) or public (shown on the citizen's tracking page). */
export async function addNote(user: SessionUser, id: string, note: string, isPublic: boolean) {
  const c = await loadComplaint(user, id);
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: c._id },
    { $push: { timeline: eventOf(user, 'NOTE', note, isPublic, null, null) } },
    { new: true },
  ).lean<Complaint>();
  if (!updated) throw notFound('Complaint');
  return updated;
}

/**
 * Marks a complaint as a duplicate of another (or, with null, undoes it). Links always point at
 * the original, so they never chain.
 */
export async function linkDuplicate(user: SessionUser, id: string, originalId: string | null) {
  const c = await loadComplaint(user, id);
  let original: Complaint | null = null;
  if (originalId) {
    if (originalId === id)
      throw validationFailed([{ path: 'duplicateOfId', message: 'cannot be the complaint itself' }]);
    original = await loadComplaint(user, originalId);
    if (original.duplicateOf)
      throw invalidState('{{code}} is itself a duplicate; link to its original', { code: original.trackingCode });
    if (await ComplaintModel.exists({ duplicateOf: c._id }))
      throw invalidState('Other complaints are linked to this one');
  } else if (!c.duplicateOf) {
    throw invalidState('The complaint is not linked');
  }
  const note = original ? original.trackingCode : '';
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: c._id, duplicateOf: c.duplicateOf ?? null },
    {
      $set: { duplicateOf: original?._id ?? null },
      $push: { timeline: eventOf(user, original ? 'LINK' : 'UNLINK', note, false, null, null) },
    },
    { new: true },
  ).lean<Complaint>();
  if (!updated) throw invalidState('The complaint changed meanwhile; reload it');
  return updated;
}
