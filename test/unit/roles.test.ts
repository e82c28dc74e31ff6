import { expect } from 'chai';
import {
  ADMINS,
  CAPABILITIES,
  can,
  CENTER,
  HANDLERS,
  isLiaison,
  LIAISONS,
  PATROL,
  REGISTRY_EDITORS,
  ROLE,
  ROLES,
  rolesWith,
  STAFF,
  type Capability,
  type Role,
} from '../../common/roles.js';

// The capability table (common/roles.ts), written out again here row by row as the policy the
// centre asked for: a change to the table that changes who may do something fails this test.
// (test/security/role-matrix.test.ts checks the same policy over HTTP, field by field.)

const A = 'ADMIN';
const M = 'MANAGER';
const I = 'INSPECTOR';
const D = 'DEPARTMENT';

const POLICY: Record<Capability, Role[]> = {
  viewRegistry: [A, M, I, D],
  viewRules: [A, M, I, D],
  viewRatingStats: [A, M, I, D],
  exportRatings: [A, M, D],
  viewViolations: [A, M, I, D],
  readRatings: [A, M, D],
  callBack: [A, M, D],
  workFollowUps: [A, M, D],
  handleAlerts: [A, M, D],
  handleComplaints: [A, M, D],
  editRoster: [A, M, D],
  viewAttendance: [A, M, D],
  readNotices: [A, M, D],
  readBulletins: [A, M, D],
  readCases: [A, M, D],
  reviewSuspectRatings: [A, M],
  closeFollowUps: [A, M],
  decideAppeals: [A, M],
  sendReminders: [A, M],
  manageComplaints: [A, M],
  planPatrols: [A, M],
  editPatrolRules: [A, M],
  decideViolations: [A, M],
  importSignIns: [A, M],
  issueNotices: [A, M],
  compileBulletins: [A, M],
  publishBulletins: [A, M],
  manageCases: [A, M],
  seeSettingsPages: [A, M],
  viewProvinceFeed: [A, M],
  runPatrols: [A, M, I],
  takeRounds: [M, I],
  patrolFirst: [I],
  editStaff: [A, D],
  editServiceItems: [A, D],
  editWindows: [A, D],
  manageWindows: [A],
  manageDevices: [A],
  manageDepartments: [A],
  manageAccounts: [A],
  readAuditLog: [A],
  editCalendar: [A],
  editNotificationSettings: [A],
  editRatingSettings: [A],
  editComplaintSettings: [A],
  manageIntegrations: [A],
  exportPersonalData: [A],
  manageProvinceFeed: [A],
  respondForDepartment: [D],
};

describe('unit: roles and the capability table', () => {
  it('has the four roles of the public schema, each named once', () => {
    expect(ROLES).to.deep.equal([A, M, I, D]);
    expect(ROLE).to.deep.equal({ ADMIN: A, MANAGER: M, INSPECTOR: I, DEPARTMENT: D });
  });

  it('groups the roles into the named sets the table is written in', () => {
    expect([STAFF, CENTER, HANDLERS, PATROL, ADMINS, REGISTRY_EDITORS, LIAISONS]).to.deep.equal([
      [A, M, I, D],
      [A, M],
      [A, M, D],
      [A, M, I],
      [A],
      [A, D],
      [D],
    ]);
  });

  it('lists exactly the capabilities of the policy', () => {
    expect(Object.keys(CAPABILITIES).sort()).to.deep.equal(Object.keys(POLICY).sort());
  });

  for (const [capability, allowed] of Object.entries(POLICY) as Array<[Capability, Role[]]>) {
    it(`${capability}: ${allowed.join(', ')}`, () => {
      expect(ROLES.filter((role) => can(role, capability))).to.deep.equal(allowed);
      expect(rolesWith(capability)).to.have.members(allowed);
    });
  }

  it('gives nothing to a visitor without a role', () => {
    for (const capability of Object.keys(POLICY) as Capability[]) {
      expect(can(null, capability), capability).to.equal(false);
      expect(can(undefined, capability), capability).to.equal(false);
    }
  });

  it('limits only department liaisons to their own department', () => {
    expect(ROLES.filter((role) => isLiaison(role))).to.deep.equal([D]);
    expect(isLiaison(null)).to.equal(false);
    expect(isLiaison(undefined)).to.equal(false);
  });
});
