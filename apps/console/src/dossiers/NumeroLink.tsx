import type { DossierListItem } from '@em/contract';
import type { MouseEvent } from 'react';
import { Link, useCreatePath } from 'react-admin';

/**
 * The dossier's numéro as a real link: the row opens on click, the link lets a keyboard user reach
 * it with Tab and open it with Enter (and opens in a new tab with the usual gestures).
 */
export function NumeroLink({ record }: { record: Pick<DossierListItem, 'id' | 'numero'> }) {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource: 'dossiers', id: record.id, type: 'show' })}
      // The row's own click would navigate a second time.
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {record.numero}
    </Link>
  );
}
