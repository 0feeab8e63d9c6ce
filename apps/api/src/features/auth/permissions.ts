import { can, type StaffPermission } from '@em/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, StaffUser } from '../../deps.js';
import { forbidden } from '../../http/errors.js';

const REFUSALS: Record<StaffPermission, string> = {
  read_dossiers: 'Vous n’avez pas accès aux dossiers.',
  decide: 'Un administrateur national ne prend pas de décision sur un dossier.',
  dashboard: 'Le tableau des échéances est réservé aux superviseurs et à l’administration nationale.',
  statistics: 'Les statistiques sont réservées aux superviseurs et à l’administration nationale.',
  assign: 'Seul un superviseur de la préfecture peut affecter des dossiers.',
  bulk_close: 'Seul un superviseur de la préfecture peut clôturer des dossiers en masse.',
  export: 'L’export est réservé aux superviseurs et à l’administration nationale.',
  auto_close_setting: 'Seul un superviseur de la préfecture peut modifier ce réglage.',
  manage_staff: 'L’administration des comptes est réservée à l’administration nationale.',
  manage_prefectures: 'L’administration des préfectures est réservée à l’administration nationale.',
};

/** The role × action table of packages/domain, applied: 403 with a French reason. */
export function assertPermission(staff: StaffUser, permission: StaffPermission) {
  if (!can(staff.role, permission)) throw forbidden(REFUSALS[permission]);
}

export const requirePermission = (permission: StaffPermission) =>
  createMiddleware<AppEnv>(async (c, next) => {
    assertPermission(c.var.staff, permission);
    await next();
  });
