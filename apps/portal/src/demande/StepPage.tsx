import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { DEMANDE_STEPS } from '@em/domain';
import { Navigate, useParams } from 'react-router';
import { Loading, Page } from '../layout/Page';
import { stepPath } from '../paths';
import { DepotStep } from './DepotStep';
import { JustificatifsStep } from './JustificatifsStep';
import { MotifStep } from './MotifStep';
import { PersonalStep } from './PersonalStep';
import { SituationStep } from './SituationStep';
import { useDraft } from './useDraft';

/** `/demande/etape/:step`: a step of the draft in progress, never beyond the first step not yet saved. */
export function StepPage() {
  const step = Number(useParams().step);
  const query = useDraft();
  if (!Number.isInteger(step) || step < 1 || step > DEMANDE_STEPS.length - 1) return <Navigate to="/demande" replace />;
  if (query.isPending) {
    return (
      <Page title="Chargement">
        <Loading />
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title="Erreur">
        <Alert severity="error" title="Votre demande n'a pas pu être chargée" description={query.error.message} />
      </Page>
    );
  }
  const draft = query.data;
  if (!draft) return step === 1 ? <SituationStep draft={null} /> : <Navigate to="/demande" replace />;
  if (step > draft.resumeStep) return <Navigate to={stepPath(draft.resumeStep)} replace />;
  // A key per step and draft: each step's form starts from what was saved.
  switch (step) {
    case 1:
      return <SituationStep key={draft.id} draft={draft} />;
    case 2:
      return <PersonalStep key={draft.id} draft={draft} />;
    case 3:
      return <MotifStep key={draft.id} draft={draft} />;
    case 4:
      return <JustificatifsStep key={draft.id} draft={draft} />;
    default:
      return <DepotStep key={draft.id} draft={draft} />;
  }
}
