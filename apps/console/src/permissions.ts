import { canDecide, type StaffRole } from '@em/domain';
import { usePermissions } from 'react-admin';

/**
 * Agents and superviseurs decide on a case; the national admin only reads (domain §1).
 * The API refuses it anyway (403): this only spares the admin buttons that cannot work.
 */
export function useCanDecide(): boolean {
  const { permissions, isPending } = usePermissions<StaffRole>();
  return !isPending && permissions !== undefined && canDecide(permissions);
}
