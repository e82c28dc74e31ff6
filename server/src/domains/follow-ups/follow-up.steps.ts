import { can, type Capability } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, invalidState, validationFailed } from '../../graphql/errors.js';
import type { FollowUpStep as StepInput } from './follow-up.inputs.js';
import type { FollowUp, FollowUpState } from './follow-up.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';

// The follow-up state machine. Each action moves from given states to one state, atomically
// (the expected state is part of the update's filter), appends to the timeline and is audited.
// `who` is the capability the step needs (common/roles.ts); `when` a further condition on the record.
interface Rule {
  from: readonly FollowUpState[];
  to: FollowUpState | null;
  who: Capability;
  when?: (f: FollowUp) => boolean;
  /** Why `when` refuses (shown to the user). */
  refusal?: string;
}
export const ACTIONS = {
  verify: { from: ['OPEN'], to: 'VERIFIED', who: 'workFollowUps' },
  // A MISTAKEN (误评/恶意) rating is not fixed but appealed.
  rectify: {
    from: ['VERIFIED'],
    to: 'RECTIFIED',
    who: 'workFollowUps',
    when: (f) => f.category !== 'MISTAKEN',
    refusal: 'A mistaken or malicious rating is appealed, not rectified',
  },
  // An UNSATISFIED call-back goes back to VERIFIED: rectify again (fieldsFor picks the state).
  callBack: { from: ['RECTIFIED'], to: 'CALLED_BACK', who: 'callBack' },
  close: { from: ['CALLED_BACK'], to: 'CLOSED', who: 'closeFollowUps' },
  // 未解决: a manager ends the loop with a reason once at least one rectification was tried.
  closeUnresolved: {
    from: ['VERIFIED', 'RECTIFIED', 'CALLED_BACK'],
    to: 'CLOSED',
    who: 'closeFollowUps',
    when: (f) => (f.rounds ?? 0) > 0,
    refusal: 'A follow-up never rectified cannot close as unresolved',
  },
  // Within the appeal period only (申诉期限, working days after the rating).
  appeal: {
    from: ['OPEN', 'VERIFIED', 'RECTIFIED'],
    to: 'APPEALED',
    who: 'workFollowUps',
    when: (f) => !f.appealDueAt || new Date() <= f.appealDueAt,
    refusal: 'The appeal deadline has passed',
  },
  exclude: { from: ['APPEALED'], to: 'EXCLUDED', who: 'decideAppeals' },
  reinstate: { from: ['APPEALED'], to: null, who: 'decideAppeals' }, // back to where the appeal began
} as const satisfies Record<string, Rule>;
export type FollowUpAction = keyof typeof ACTIONS;

const ruleOf = (a: FollowUpAction): Rule => ACTIONS[a];
const fits = (a: FollowUpAction, f: FollowUp) => ruleOf(a).from.includes(f.state) && (ruleOf(a).when?.(f) ?? true);

/** What this user may do to this follow-up now (drives the buttons on the page): no decision on their own appeal. */
export function allowedActions(user: SessionUser | null, f: FollowUp): FollowUpAction[] {
  if (!user) return [];
  const own = isPreparer(user, f);
  return (Object.keys(ACTIONS) as FollowUpAction[]).filter(
    (a) => fits(a, f) && can(user.role, ruleOf(a).who) && !(own && DECISIONS.includes(a)),
  );
}

/** An appeal this user could decide but for four eyes: the page says someone else will. */
export const waitsForOtherDecider = (user: SessionUser | null, f: FollowUp) =>
  !!user && f.state === 'APPEALED' && can(user.role, 'decideAppeals') && isPreparer(user, f);

/** Refuses an action the record's state does not allow. */
export function assertFits(action: FollowUpAction, f: FollowUp) {
  if (!ruleOf(action).from.includes(f.state))
    throw invalidState('Cannot {{action}} a follow-up that is {{state}}', { action, state: f.state });
  if (!fits(action, f)) throw invalidState(ruleOf(action).refusal ?? 'This step cannot be taken now');
}

/** The steps that take evidence (photos, PDFs). */
export const EVIDENCE_STEPS: readonly FollowUpAction[] = ['verify', 'rectify', 'appeal'];
/** The steps that decide an appeal: never by whoever filed or prepared it (four eyes). */
export const DECISIONS: readonly FollowUpAction[] = ['exclude', 'reinstate'];

/** Whether the user filed the appeal or prepared the case (verify, rectify, appeal). */
function isPreparer(user: SessionUser, f: FollowUp) {
  const preparers = f.timeline.filter((s) => EVIDENCE_STEPS.includes(s.action as FollowUpAction)).map((s) => s.by);
  return [f.appealedBy, ...preparers].some((by) => by && String(by) === user.id);
}

/** Refuses a decision by anyone who filed the appeal or prepared the case (verify, rectify). */
export function assertFourEyes(user: SessionUser, action: FollowUpAction, f: FollowUp) {
  if (!DECISIONS.includes(action)) return;
  if (isPreparer(user, f)) {
    throw new AppError('SAME_PERSON', 'An appeal is decided by someone other than who filed or prepared it');
  }
}

/** The outcomes a call-back may record: anonymous ratings only 无法回访, real-name ones never. */
export const outcomesFor = (realName: boolean) =>
  realName ? (['SATISFIED', 'UNSATISFIED', 'UNREACHABLE'] as const) : (['NO_CONTACT'] as const);

/** The fields an action records, checked against what it needs, and the state it leads to. */
export async function fieldsFor(action: FollowUpAction, f: FollowUp, input: StepInput) {
  const need = (path: keyof StepInput) => {
    const v = input[path]?.toString().trim();
    if (!v) throw validationFailed([{ path, message: 'required' }]);
    return v;
  };
  const to = (ruleOf(action).to ?? f.stateBeforeAppeal ?? 'OPEN') as FollowUpState;
  switch (action) {
    case 'verify':
      return {
        to,
        set: { finding: need('finding'), category: need('category'), responsible: input.responsible?.trim() ?? '' },
      };
    case 'rectify':
      return { to, set: { action: need('action'), rounds: (f.rounds ?? 0) + 1 } };
    case 'callBack': {
      const outcome = need('outcome');
      const rating = await RatingModel.findById(f.rating).lean<Rating>();
      if (!(outcomesFor(!!rating?.callbackPhone) as readonly string[]).includes(outcome)) {
        const message = rating?.callbackPhone
          ? 'The citizen left a phone number: call them back'
          : 'An anonymous rating cannot be called back: record it as not reachable';
        throw validationFailed([{ path: 'outcome', message }]);
      }
      const again = outcome === 'UNSATISFIED';
      return {
        to: again ? ('VERIFIED' as const) : to,
        set: { callbackOutcome: outcome, callbackNote: input.note?.trim() ?? '' },
      };
    }
    case 'close':
    case 'closeUnresolved': {
      const closedAt = new Date();
      const reason = action === 'closeUnresolved' ? { decisionReason: need('note') } : {};
      const resolution = action === 'close' ? 'RESOLVED' : 'UNRESOLVED';
      const publicResult = input.publicResult?.trim() ?? '';
      return { to, set: { closedAt, onTime: closedAt <= f.dueAt, resolution, publicResult, ...reason } };
    }
    case 'appeal':
      return { to, set: { appealReason: need('note'), stateBeforeAppeal: f.state } };
    case 'exclude':
    case 'reinstate':
      return { to, set: { decisionReason: need('note') } };
  }
}
