import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import type { Role } from '../../../common/roles.js';

/** The staff member behind a request, resolved from the session cookie. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for DEPARTMENT liaisons only: the one department they may see. */
  departmentId: string | null;
}

export interface Context {
  request: Request;
  config: Config;
  logger: Logger;
  requestId: string;
  /** Client address as Express derived it (honours TRUST_PROXY); never stored in the clear. */
  clientIp: string;
  user: SessionUser | null;
  sessionId: string | null;
}
