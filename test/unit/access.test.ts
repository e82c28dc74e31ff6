import { expect } from 'chai';
import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import type { SessionUser } from '../../server/src/graphql/context.js';
import {
  assertDepartment,
  canSeeDepartment,
  departmentFilter,
  requireUser,
} from '../../server/src/domains/accounts/access.js';
import {
  assertComplaint,
  canSeeComplaint,
  canSeePhone,
  complaintScope,
  isManager,
} from '../../server/src/domains/complaints/complaint.access.js';
import {
  confinedTo,
  listScope,
  partFor,
  readable,
  visibleParts,
} from '../../server/src/domains/documents/visibility.js';

// The second gate (department isolation) and who sees complaints and documents, as plain
// functions of the session user: each refusal with its positive control beside it.

const OWN = new Types.ObjectId().toHexString();
const OTHER = new Types.ObjectId().toHexString();
const user = (role: SessionUser['role'], departmentId: string | null = null, id = 'u1'): SessionUser => ({
  id,
  username: id,
  displayName: id,
  role,
  departmentId,
});
const admin = user('ADMIN');
const manager = user('MANAGER');
const inspector = user('INSPECTOR');
const liaison = user('DEPARTMENT', OWN, 'liaison');
const stray = user('DEPARTMENT', null, 'stray'); // a liaison account without a department

/**
 * The code of the error `run` throws. (Not its message: the wording is being localized, and
 * clients go by the code.)
 */
function thrown(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).to.be.instanceOf(GraphQLError);
    return (err as GraphQLError).extensions.code;
  }
  return 'nothing thrown';
}

describe('unit: access checks', () => {
  describe('department isolation (accounts/access.ts)', () => {
    it('asks for a login, and hands back the logged-in user', () => {
      expect(thrown(() => requireUser(null))).to.equal('UNAUTHENTICATED');
      expect(requireUser(admin)).to.equal(admin);
    });

    it('limits a liaison’s lists to its department and nobody else’s', () => {
      expect(String(departmentFilter(liaison).department)).to.equal(OWN);
      expect(departmentFilter(liaison).department).to.be.instanceOf(Types.ObjectId);
      for (const u of [admin, manager, inspector]) expect(departmentFilter(u)).to.deep.equal({});
      expect(thrown(() => departmentFilter(null))).to.equal('UNAUTHENTICATED');
    });

    it('lets a liaison see its own department only, the centre every one', () => {
      expect(canSeeDepartment(liaison, new Types.ObjectId(OWN))).to.equal(true);
      expect(canSeeDepartment(liaison, OWN)).to.equal(true);
      expect(canSeeDepartment(liaison, OTHER)).to.equal(false);
      expect(canSeeDepartment(stray, null)).to.equal(false);
      expect(canSeeDepartment(null, OWN)).to.equal(false);
      for (const u of [admin, manager, inspector]) expect(canSeeDepartment(u, OTHER)).to.equal(true);
    });

    it('refuses another department’s record by id, naming what', () => {
      expect(thrown(() => assertDepartment(liaison, OTHER, 'this window'))).to.equal('FORBIDDEN');
      expect(thrown(() => assertDepartment(liaison, OTHER))).to.equal('FORBIDDEN');
      expect(thrown(() => assertDepartment(null, OWN))).to.equal('UNAUTHENTICATED');
      expect(() => assertDepartment(liaison, OWN)).not.to.throw();
      expect(() => assertDepartment(admin, OTHER)).not.to.throw();
    });
  });

  describe('complaints (complaints/complaint.access.ts)', () => {
    const ownCase = { assignedTo: new Types.ObjectId(OWN) };
    const otherCase = { assignedTo: new Types.ObjectId(OTHER) };
    const unassigned = { assignedTo: null };

    it('lets managers and admins see every complaint', () => {
      expect([admin, manager, inspector, liaison, null].map(isManager)).to.deep.equal([
        true,
        true,
        false,
        false,
        false,
      ]);
      for (const c of [ownCase, otherCase, unassigned]) expect(canSeeComplaint(manager, c)).to.equal(true);
    });

    it('lets a liaison see those assigned to its department only, and inspectors none', () => {
      expect(canSeeComplaint(liaison, ownCase)).to.equal(true);
      expect(canSeeComplaint(liaison, otherCase)).to.equal(false);
      expect(canSeeComplaint(liaison, unassigned)).to.equal(false);
      expect(canSeeComplaint(user('INSPECTOR', OWN), ownCase)).to.equal(false);
      expect(canSeeComplaint(null, ownCase)).to.equal(false);
      expect(thrown(() => assertComplaint(liaison, otherCase))).to.equal('FORBIDDEN');
      expect(thrown(() => assertComplaint(null, ownCase))).to.equal('UNAUTHENTICATED');
      expect(() => assertComplaint(liaison, ownCase)).not.to.throw();
    });

    it('scopes complaint lists the same way', () => {
      expect(complaintScope(manager)).to.deep.equal({});
      expect(String(complaintScope(liaison).assignedTo)).to.equal(OWN);
      expect(thrown(() => complaintScope(inspector))).to.equal('FORBIDDEN');
      expect(thrown(() => complaintScope(stray))).to.equal('FORBIDDEN');
      expect(thrown(() => complaintScope(null))).to.equal('UNAUTHENTICATED');
    });

    it('shows the phone in full to managers and to the liaison handling the complaint', () => {
      const handled = { handler: new Types.ObjectId() };
      const handler = user('DEPARTMENT', OWN, handled.handler.toHexString());
      expect(canSeePhone(manager, handled)).to.equal(true);
      expect(canSeePhone(handler, handled)).to.equal(true);
      expect(canSeePhone(liaison, handled)).to.equal(false);
      expect(canSeePhone(handler, { handler: null })).to.equal(false);
      expect(canSeePhone(null, handled)).to.equal(false);
    });
  });

  describe('documents (documents/visibility.ts)', () => {
    const draft = { status: 'DRAFT', to: [OWN] };
    const toOwn = { status: 'PUBLISHED', to: [OTHER, OWN] };
    const toOther = { status: 'PUBLISHED', to: [OTHER] };
    const addressees = (d: { to: string[] }) => d.to;

    it('confines a liaison to its department and the centre to none', () => {
      expect(confinedTo(liaison)).to.equal(OWN);
      expect([admin, manager, inspector].map(confinedTo)).to.deep.equal([null, null, null]);
    });

    it('shows a liaison its own department’s rows of a document', () => {
      const rows = [{ d: OWN }, { d: OTHER }, { d: OWN }];
      expect(visibleParts(liaison, rows, (r) => r.d)).to.deep.equal([{ d: OWN }, { d: OWN }]);
      expect(visibleParts(manager, rows, (r) => r.d)).to.have.length(3);
      expect(visibleParts(null, rows, (r) => r.d)).to.deep.equal([]);
    });

    it('lists published documents addressed to a liaison’s department, everything for the centre', () => {
      expect(listScope(manager, 'addressees')).to.deep.equal({});
      expect(listScope(liaison)).to.deep.equal({ status: 'PUBLISHED' });
      const scope = listScope(liaison, 'addressees');
      expect(Object.keys(scope)).to.deep.equal(['status', 'addressees']);
      expect(scope.status).to.equal('PUBLISHED');
      expect(String(scope.addressees)).to.equal(OWN);
    });

    it('reads a document by id: unknown or unpublished is not found, addressed elsewhere forbidden', () => {
      expect(thrown(() => readable(manager, null, 'Notice'))).to.equal('NOT_FOUND');
      expect(thrown(() => readable(liaison, draft, 'Notice', addressees))).to.equal('NOT_FOUND');
      expect(thrown(() => readable(liaison, toOther, 'Notice', addressees))).to.equal('FORBIDDEN');
      expect(readable(liaison, toOwn, 'Notice', addressees)).to.equal(toOwn);
      expect(readable(liaison, toOther, 'Bulletin')).to.equal(toOther); // addressed to every department
      expect(readable(manager, draft, 'Notice', addressees)).to.equal(draft);
      expect(readable(manager, toOther, 'Notice', addressees)).to.equal(toOther);
    });

    it('gives a liaison its own part only, the centre the part it asks for or the whole', () => {
      expect(partFor(liaison)).to.equal(OWN);
      expect(partFor(liaison, OWN)).to.equal(OWN);
      expect(thrown(() => partFor(liaison, OTHER))).to.equal('FORBIDDEN');
      expect(partFor(manager, OTHER)).to.equal(OTHER);
      expect(partFor(manager)).to.equal(null);
      expect(partFor(manager, null)).to.equal(null);
    });
  });
});
