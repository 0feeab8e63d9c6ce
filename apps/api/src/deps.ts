import type { Db, FileStore } from '@em/db';
import type { StaffRole } from '@em/domain';

export type AppConfig = {
  /** Base URL the applicant's links point to, e.g. http://localhost:3000 */
  publicUrl: string;
  secureCookies: boolean;
  /**
   * How many reverse proxies in front append to X-Forwarded-For (`true` means one): the client
   * address is the entry the outermost one added. `false` or 0: the socket's address.
   */
  trustProxy: boolean | number;
  /** Resend's signing secret (whsec_…) for the bounce webhook; without it the webhook answers 503. */
  resendWebhookSecret?: string;
  /** Directories of the built front ends; absent in API tests. */
  consoleDist?: string;
  portalDist?: string;
};

export const proxyHops = (trustProxy: boolean | number): number => (trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy);

/** Everything the app needs from outside, so tests build it on a temporary database with a fixed clock. */
export type AppDeps = {
  db: Db;
  store: FileStore;
  now: () => Date;
  config: AppConfig;
};

export type StaffUser = {
  id: number;
  email: string;
  fullName: string;
  role: StaffRole;
  prefectureCode: string | null;
};

export type ApplicantUser = { id: number; email: string; mustResetPassword: boolean };

export type AppEnv = {
  Variables: {
    staff: StaffUser;
    applicant: ApplicantUser;
    requestId: string;
  };
};
