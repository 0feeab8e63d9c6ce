export const STAFF_ROLES = ['agent', 'superviseur', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS = {
  agent: 'agent',
  superviseur: 'superviseur',
  admin: 'administration',
} as const satisfies Record<StaffRole, string>;

/** National admins read everything but take no decision on a case (domain §1). */
export function canDecide(role: StaffRole): boolean {
  return role !== 'admin';
}

/** Who an audit event names: a staff member by role, the applicant, or the server's own jobs. */
export const ACTOR_ROLES = [...STAFF_ROLES, 'usager', 'systeme'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS = {
  ...STAFF_ROLE_LABELS,
  usager: 'usager',
  systeme: 'automatique',
} as const satisfies Record<ActorRole, string>;
