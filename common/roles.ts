// Who may do what: the four staff roles and the capability table that every check reads — the
// GraphQL scopes (`authScopes: { can: '…' }`), the plain HTTP routes (`requireStaff('…')`), the
// services' own rules and the admin's menus and buttons (`user.can('…')`). This is the only place
// a role is named: anywhere else a rule asks for a capability.
//
// Department isolation is a second gate on top: a liaison (DEPARTMENT) sees and touches only its
// own department's records, whatever capability it holds (server: accounts/access.ts).

/** The role values are part of the public schema (enum Role); do not rename them. */
export const ROLES = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'] as const;
export type Role = (typeof ROLES)[number];

/** Each role by name, for code that must speak of one (the seed's accounts, a form's default). */
export const ROLE = {
  ADMIN: 'ADMIN',
  MANAGER: 'MANAGER',
  INSPECTOR: 'INSPECTOR',
  DEPARTMENT: 'DEPARTMENT',
} as const satisfies Record<Role, Role>;

/** Everyone who works in the center or for a department in it. */
export const STAFF: readonly Role[] = ROLES;
/** The center itself: its administrators and managers. */
export const CENTER: readonly Role[] = ['ADMIN', 'MANAGER'];
/**
 * Those who work on citizens' feedback (bad ratings, complaints) and read what is sent to
 * departments: the center and the departments' liaisons. Inspectors patrol; they do not need
 * citizens' comments or phones.
 */
export const HANDLERS: readonly Role[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];
/** Those who walk the hall on patrol rounds. */
export const PATROL: readonly Role[] = ['ADMIN', 'MANAGER', 'INSPECTOR'];
/** The center's administrators alone: accounts, the registry's structure, system rules. */
export const ADMINS: readonly Role[] = ['ADMIN'];
/** Administrators, and liaisons for their own department's records. */
export const REGISTRY_EDITORS: readonly Role[] = ['ADMIN', 'DEPARTMENT'];
/** The departments' liaisons, answering for their department. */
export const LIAISONS: readonly Role[] = ['DEPARTMENT'];

/** The capability table: what each capability lets one do, and the roles that have it. */
export const CAPABILITIES = {
  // Reading, for all staff (a liaison's lists hold its own department's rows only).
  viewRegistry: STAFF, // departments, windows, staff, service items, the roster, the calendar
  viewRules: STAFF, // rating tags and thresholds, the patrol rulebook and schedule
  viewRatingStats: STAFF, // the ratings dashboard and its live alerts
  viewViolations: STAFF, // inspectors what they raised, liaisons their confirmed ones

  // Citizens' feedback and what the center sends to departments.
  readRatings: HANDLERS, // single ratings with their comments
  exportRatings: HANDLERS, // the counted ratings as CSV, with comments and case numbers, as readRatings shows them
  callBack: HANDLERS, // a bad rating's call-back phone in full, and the call-back step
  workFollowUps: HANDLERS, // the follow-up inbox: verify, rectify, appeal a bad rating
  handleAlerts: HANDLERS, // acknowledge and close live alerts
  handleComplaints: HANDLERS, // the complaint inbox, investigating and replying, notes, exports
  editRoster: HANDLERS, // who sits at which window when
  viewAttendance: HANDLERS,
  readNotices: HANDLERS,
  readBulletins: HANDLERS,
  readCases: HANDLERS,

  // The center's decisions.
  reviewSuspectRatings: CENTER, // count a rating flagged as suspect after all, or keep it out
  closeFollowUps: CENTER, // close a follow-up once the citizen was called back
  sendReminders: CENTER, // 催办 a follow-up, 催签 a notice: notify the department's liaisons
  decideAppeals: CENTER, // exclude or reinstate an appealed bad rating; decide a notice appeal
  manageComplaints: CENTER, // accept, reject, assign, return, review, close, reopen; link duplicates
  planPatrols: CENTER, // generate and assign rounds; see and run every round
  editPatrolRules: CENTER, // the rulebook (checklist) and the patrol schedule
  decideViolations: CENTER, // confirm or dismiss what a round raised; see every violation
  importSignIns: CENTER,
  issueNotices: CENTER, // draft, approve and publish violation notices
  compileBulletins: CENTER, // generate, edit, review and rule bimonthly bulletins
  publishBulletins: CENTER,
  manageCases: CENTER, // enter, correct, delete and import case records
  viewProvinceFeed: CENTER, // the provincial feed's daily reconciliation and its exports
  seeSettingsPages: CENTER, // admin menu: the rating-rules and calendar pages (read-only but for admins)

  // Patrol rounds.
  runPatrols: PATROL, // start, record and submit rounds (inspectors: their own or unassigned ones)
  takeRounds: ['MANAGER', 'INSPECTOR'], // may be assigned a round
  patrolFirst: ['INSPECTOR'], // whose work is patrols: the admin home opens the phone patrol home

  // The registry: the center's structure is the admin's, a department's own rows also its liaison's.
  editStaff: REGISTRY_EDITORS,
  editServiceItems: REGISTRY_EDITORS,
  editWindows: REGISTRY_EDITORS, // a liaison: only the name and service items of its windows
  manageWindows: ADMINS, // create windows, change every field, revoke QR codes
  manageDepartments: ADMINS,
  manageDevices: ADMINS, // pair the windows' rating devices (评价器), list and revoke them

  // The system.
  manageAccounts: ADMINS,
  readAuditLog: ADMINS,
  editCalendar: ADMINS,
  editRatingSettings: ADMINS,
  editComplaintSettings: ADMINS,
  editNotificationSettings: ADMINS, // the webhook that carries notifications to an SMS / 政务微信 gateway
  manageIntegrations: ADMINS, // API keys of queue and case systems, the rating webhooks (系统对接)
  exportPersonalData: ADMINS, // names and phones in complaint exports
  manageProvinceFeed: ADMINS, // the provincial 好差评 feed's address, secret, field names and codes; retries

  // Answering for a department.
  respondForDepartment: LIAISONS, // acknowledge notices and bulletins, appeal a notice
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether a role has a capability. */
export const can = (role: Role | null | undefined, capability: Capability) =>
  !!role && (CAPABILITIES[capability] as readonly Role[]).includes(role);

/** The roles with a capability, e.g. for a database query on accounts. */
export const rolesWith = (capability: Capability): readonly Role[] => CAPABILITIES[capability];

/** A liaison works for one department and is limited to its records (the second gate). */
export const isLiaison = (role: Role | null | undefined) => role === 'DEPARTMENT';
