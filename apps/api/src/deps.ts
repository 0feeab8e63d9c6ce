import type { Db, FileStore } from '@em/db';
import type { StaffRole } from '@em/domain';

export type AppConfig = {
  /** Base URL the applicant's links point to, e.g. http://localhost:3000 */
  publicUrl: string;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Resend's signing secret (whsec_…) for the bounce webhook; without it the webhook answers 503. */
  resendWebhookSecret?: string;
  /** Directories of the built front ends; absent in API tests. */
  consoleDist?: string;
  portalDist?: string;
};

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
  mustChangePassword: boolean;
};

export type ApplicantUser = { id: number; email: string; mustResetPassword: boolean };

export type AppEnv = {
  Variables: {
    staff: StaffUser;
    applicant: ApplicantUser;
    requestId: string;
  };
};
