export const ROLES = ['ADMIN', 'MANAGER', 'INSPECTOR', 'DEPARTMENT'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who works in the center; a DEPARTMENT liaison is further limited to its department. */
export const ALL_STAFF: readonly Role[] = ROLES;
