import type { Dossier } from '@em/contract';
import { useRecordContext } from 'react-admin';
import { useCanDecide } from '../../permissions';
import { CloseIncompleteButton } from './CloseIncompleteButton';
import { CompleteButton } from './CompleteButton';
import { RequestComplementButton } from './RequestComplementButton';
import { TakeButton } from './TakeButton';

/** The workflow buttons the dossier's state allows (`allowed_actions`, from the API); each hides itself otherwise. */
export function DossierActionBar() {
  const record = useRecordContext<Dossier>();
  const canDecide = useCanDecide();
  if (!record || !canDecide || record.allowed_actions.length === 0) return null;
  return (
    <>
      <TakeButton />
      <RequestComplementButton />
      <CompleteButton />
      <CloseIncompleteButton />
    </>
  );
}
