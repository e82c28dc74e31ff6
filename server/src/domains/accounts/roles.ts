export const ROLES = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who works in the center; a DEPARTMENT liaison is further limited to its department. */
export const ALL_STAFF: readonly Role[] = ROLES;

/**
 * Those who work on citizens' feedback (bad ratings, complaints): the center's managers and the
 * departments' liaisons. Inspectors patrol; they do not need citizens' comments or phones.
 */
export const HANDLERS: readonly Role[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];
