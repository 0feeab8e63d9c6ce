import type { StaffRole } from './roles.js';

/**
 * Who may do what in the console, as data: the API checks every route against it (403 otherwise),
 * the console reads it to show menus and buttons, and the README's table is this table.
 * Scope is a separate rule: agents and supervisors only ever reach their own préfecture (404 elsewhere).
 */
export const STAFF_PERMISSIONS = {
  read_dossiers: ['agent', 'superviseur', 'admin'],
  decide: ['agent', 'superviseur'],
  dashboard: ['superviseur', 'admin'],
  statistics: ['superviseur', 'admin'],
  assign: ['superviseur'],
  bulk_close: ['superviseur'],
  export: ['superviseur', 'admin'],
  auto_close_setting: ['superviseur'],
  manage_staff: ['admin'],
  manage_prefectures: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export const STAFF_PERMISSION_LABELS = {
  read_dossiers: 'Consulter les dossiers, pièces, historique et courriels',
  decide:
    'Décider sur un dossier (prendre en charge, vérifier, joindre un document reçu au guichet ou par courrier, demander des pièces, déclarer complet, clôturer, corriger l’adresse et renvoyer la demande)',
  dashboard: 'Tableau « Échéances »',
  statistics: 'Statistiques (dépôts, décisions, délais)',
  assign: 'Affecter ou réaffecter des dossiers à un agent',
  bulk_close: 'Clôturer en masse les dossiers en délai dépassé',
  export: 'Exporter la liste en CSV',
  auto_close_setting: 'Activer la clôture automatique de sa préfecture',
  manage_staff: 'Administrer les comptes des agents',
  manage_prefectures: 'Renommer les préfectures',
} as const satisfies Record<StaffPermission, string>;

export function can(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
