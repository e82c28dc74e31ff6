import { expect } from 'chai';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { schema } from '../../server/src/graphql/schema.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeUser, PASSWORD } from '../helpers/fixtures.js';

// The access policy, written out: who may call each root field. Every field of the schema must be
// listed, so a new operation cannot ship without a decision; the test then calls every field as
// every role and checks the refusals as well as the admissions.
type Actor = 'ANON' | 'ADMIN' | 'MANAGER' | 'INSPECTOR' | 'DEPARTMENT';
const STAFF: Actor[] = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'];
const HANDLERS: Actor[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];
const CENTER: Actor[] = ['ADMIN', 'MANAGER'];
const PATROL: Actor[] = ['ADMIN', 'MANAGER', 'INSPECTOR'];
const PUBLIC: Actor[] = ['ANON', ...STAFF];

const POLICY: Record<string, Actor[]> = {
  // Queries
  me: PUBLIC,
  publicWindow: PUBLIC,
  publicDepartmentStats: PUBLIC,
  publicBulletin: PUBLIC,
  publicBulletinPeriods: PUBLIC,
  complaintStatus: PUBLIC,
  ratingFixStatus: PUBLIC,
  ratingFixes: PUBLIC,
  complaintTarget: PUBLIC,
  complaintTargets: PUBLIC,
  departments: STAFF,
  department: STAFF,
  windows: STAFF,
  windowPage: STAFF,
  window: STAFF,
  staffPage: STAFF,
  staffMember: STAFF,
  serviceItems: STAFF,
  serviceItem: STAFF,
  roster: STAFF,
  calendarDays: STAFF,
  calendarStatus: ['ADMIN'],
  workingDeadline: STAFF,
  ratingStats: STAFF,
  ratingSettings: STAFF,
  alerts: STAFF,
  checklistItems: STAFF,
  inspectionSettings: STAFF,
  violation: STAFF,
  violationPage: STAFF,
  patrolStats: STAFF,
  ratings: HANDLERS,
  ratingParticipation: HANDLERS,
  followUp: HANDLERS,
  followUps: HANDLERS,
  complaint: HANDLERS,
  complaints: HANDLERS,
  complaintStats: HANDLERS,
  complaintSettings: HANDLERS,
  complaintsOverdue: HANDLERS,
  attendance: HANDLERS,
  notice: HANDLERS,
  noticePage: HANDLERS,
  bulletin: HANDLERS,
  bulletinPage: HANDLERS,
  bulletinPart: HANDLERS,
  caseRecordPage: HANDLERS,
  caseTotals: HANDLERS,
  patrolRound: PATROL,
  patrolRounds: PATROL,
  patrolTimeliness: PATROL,
  inspectors: CENTER,
  bulletinSettings: CENTER,
  users: ['ADMIN'],
  auditLog: ['ADMIN'],
  myNotifications: STAFF,
  myWork: STAFF,
  notificationSettings: ['ADMIN'],
  provinceFeedSettings: ['ADMIN'],
  provinceFeedReconciliation: CENTER,
  ratingDevices: ['ADMIN'],
  apiKeys: ['ADMIN'],
  ratingWebhooks: ['ADMIN'],
  // Mutations
  login: PUBLIC,
  logout: PUBLIC,
  issueRatingTicket: PUBLIC,
  submitRating: PUBLIC,
  answerSteeringQuestion: PUBLIC,
  submitComplaint: PUBLIC,
  giveComplaintFeedback: PUBLIC,
  changePassword: STAFF,
  createDepartment: ['ADMIN'],
  updateDepartment: ['ADMIN'],
  createWindow: ['ADMIN'],
  reissueWindowQr: ['ADMIN'],
  issueDevicePairingCode: ['ADMIN'],
  revokeDevice: ['ADMIN'],
  // A phone that scanned a window device's rotating case QR code.
  issueCaseRatingTicket: PUBLIC,
  createUser: ['ADMIN'],
  updateUser: ['ADMIN'],
  resetUserPassword: ['ADMIN'],
  setCalendarDay: ['ADMIN'],
  removeCalendarDay: ['ADMIN'],
  importHolidays: ['ADMIN'],
  updateRatingSettings: ['ADMIN'],
  updateComplaintSettings: ['ADMIN'],
  updateNotificationSettings: ['ADMIN'],
  updateProvinceFeedSettings: ['ADMIN'],
  retryProvinceFeed: ['ADMIN'],
  createApiKey: ['ADMIN'],
  revokeApiKey: ['ADMIN'],
  addRatingWebhook: ['ADMIN'],
  setRatingWebhookActive: ['ADMIN'],
  deleteRatingWebhook: ['ADMIN'],
  markNotificationsRead: STAFF,
  remindFollowUp: CENTER,
  remindNotice: CENTER,
  updateWindow: ['ADMIN', 'DEPARTMENT'],
  createStaff: ['ADMIN', 'DEPARTMENT'],
  updateStaff: ['ADMIN', 'DEPARTMENT'],
  createServiceItem: ['ADMIN', 'DEPARTMENT'],
  updateServiceItem: ['ADMIN', 'DEPARTMENT'],
  assignDuty: HANDLERS,
  endDuty: HANDLERS,
  deleteDuty: HANDLERS,
  advanceFollowUp: HANDLERS,
  acknowledgeAlert: HANDLERS,
  closeAlert: HANDLERS,
  actOnComplaint: HANDLERS,
  addComplaintNote: HANDLERS,
  reviewSuspectRating: CENTER,
  linkComplaint: CENTER,
  createChecklistItem: CENTER,
  updateChecklistItem: CENTER,
  updateInspectionSettings: CENTER,
  generateRounds: CENTER,
  assignRound: CENTER,
  decideViolation: CENTER,
  createNoticeDraft: CENTER,
  updateNoticeDraft: CENTER,
  deleteNoticeDraft: CENTER,
  approveNotice: CENTER,
  publishNotice: CENTER,
  decideNoticeAppeal: CENTER,
  generateBulletin: CENTER,
  regenerateBulletin: CENTER,
  updateBulletinText: CENTER,
  pickSmileStars: CENTER,
  submitBulletin: CENTER,
  returnBulletin: CENTER,
  publishBulletin: CENTER,
  deleteBulletin: CENTER,
  updateBulletinSettings: CENTER,
  saveCaseRecord: CENTER,
  deleteCaseRecord: CENTER,
  startRound: PATROL,
  startUnscheduledRound: PATROL,
  saveFinding: PATROL,
  submitRound: PATROL,
  acknowledgeNotice: ['DEPARTMENT'],
  appealNotice: ['DEPARTMENT'],
  acknowledgeBulletin: ['DEPARTMENT'],
};

const ZERO_ID = '000000000000000000000000';

/** A type-correct placeholder for an argument (content is irrelevant: access is decided first). */
function placeholder(type: GraphQLInputType, name: string, ownDepartment: string): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, name, ownDepartment);
  if (isListType(type)) return [placeholder(type.ofType, name, ownDepartment)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, placeholder(f.type, f.name, ownDepartment)]),
    );
  }
  switch (getNamedType(type).name) {
    case 'ID':
      // A liaison's own department, so only the role decides; other ids point at nothing.
      return name === 'departmentId' ? ownDepartment : ZERO_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date().toISOString();
    default:
      return name === 'period' ? '2026-B6' : /date|from|to/i.test(name) ? '2026-11-02' : 'xx';
  }
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ownDepartment: string) {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const text = `${kind}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
  // department(id) names a department directly: the liaison's own, as for departmentId.
  const variables = Object.fromEntries(
    field.args.map((a) => [
      a.name,
      placeholder(a.type, field.name === 'department' ? 'departmentId' : a.name, ownDepartment),
    ]),
  );
  return { text, variables };
}

describe('security: every root field as every role', function () {
  this.timeout(120_000);
  let app: TestApp;
  let ownDepartment: string;
  const clients = new Map<Actor, Client>();

  before(async () => {
    app = await startTestApp();
    ownDepartment = await makeDepartment('GSJ');
    clients.set('ANON', new Client(app.url));
    for (const role of STAFF) {
      const c = new Client(app.url);
      await c.login(
        (await makeUser(role as 'ADMIN', role === 'DEPARTMENT' ? ownDepartment : undefined)).username,
        PASSWORD,
      );
      clients.set(role, c);
    }
  });
  after(() => app.close());

  it('has a decision for every query and mutation, and none for fields that no longer exist', () => {
    const fields = ['Query', 'Mutation'].flatMap((t) =>
      Object.keys((schema.getType(t) as { getFields(): object }).getFields()),
    );
    expect(
      fields.filter((f) => !(f in POLICY)),
      'fields missing from the policy',
    ).to.deep.equal([]);
    expect(
      Object.keys(POLICY).filter((f) => !fields.includes(f)),
      'policy for unknown fields',
    ).to.deep.equal([]);
  });

  for (const kind of ['query', 'mutation'] as const) {
    it(`admits and refuses every ${kind} as its policy says`, async () => {
      const type = schema.getType(kind === 'query' ? 'Query' : 'Mutation') as {
        getFields(): Record<string, GraphQLField<unknown, unknown>>;
      };
      const wrong: string[] = [];
      // Logging out last, so every client keeps its session through the checks.
      const fields = Object.values(type.getFields()).sort(
        (a, b) => Number(a.name === 'logout') - Number(b.name === 'logout'),
      );
      for (const field of fields) {
        const { text, variables } = operation(kind, field, ownDepartment);
        for (const [actor, client] of clients) {
          const res = await client.gql(text, variables);
          const code = res.errors?.[0]?.extensions?.code as string | undefined;
          const refused = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
          const allowed = POLICY[field.name]!.includes(actor);
          if (allowed === refused)
            wrong.push(
              `${field.name} as ${actor}: ${code ?? 'ok'}${allowed ? ' (should be allowed)' : ' (should be refused)'}`,
            );
          if (!allowed && actor === 'ANON' && code !== 'UNAUTHENTICATED')
            wrong.push(`${field.name} as ANON: ${code} instead of UNAUTHENTICATED`);
          if (code === 'INTERNAL_SERVER_ERROR' || (res.status >= 500 && code !== 'SERVICE_UNAVAILABLE'))
            wrong.push(`${field.name} as ${actor}: server error`);
        }
      }
      expect(wrong).to.deep.equal([]);
    });
  }
});
