import { usePermissions } from 'react-admin';
import type { StaffRole } from './types';

/**
 * Agents and superviseurs decide on a case; the national admin only reads (domain §1).
 * The API refuses it anyway (403): this only spares the admin buttons that cannot work.
 */
export function useCanDecide(): boolean {
  const { permissions, isPending } = usePermissions<StaffRole>();
  return !isPending && (permissions === 'agent' || permissions === 'superviseur');
}
