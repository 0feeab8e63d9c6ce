import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { DepositResponse } from '@em/contract';
import { parisDate } from '@em/domain';
import { useEffect, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../layout/Page';
import { useDossier } from '../useDossier';
import { DemandeFrame } from './DemandeFrame';

/** Step 6 « Confirmation »: « Votre demande a bien été transmise. » and the receipt PDF. */
export function ConfirmationPage() {
  const just = useLocation().state as DepositResponse | null;
  const { state } = useDossier();
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  // Reloaded later: the latest deposited dossier says the same.
  const dossier = state.status === 'ready' ? state.dossier : null;
  const numero = just?.numero ?? dossier?.numero;
  const receiptUrl = just?.receiptUrl ?? dossier?.receipt_url;
  const depositedAt = just?.depositedAt ?? dossier?.deposited_at;
  if (!just && state.status === 'loading') return <Loading />;
  if (!numero || !receiptUrl) return <Navigate to="/demande" replace />;

  return (
    <DemandeFrame step={6}>
      <div ref={headingRef} tabIndex={-1}>
        <Alert
          severity="success"
          title="Votre demande a bien été transmise."
          description={
            <ul className="fr-mb-0">
              <li>Vous allez recevoir un accusé de réception.</li>
              <li>
                Vous recevrez un email vous informant de l'avancée de votre demande et si nécessaire de demande de pièces complémentaires.
              </li>
            </ul>
          }
        />
      </div>
      <dl className="fr-my-4w fr-pl-0">
        <dt className="fr-text--bold">N° de la demande</dt>
        <dd className="fr-ml-0 fr-mb-2w">{numero}</dd>
        {depositedAt && (
          <>
            <dt className="fr-text--bold">Date de dépôt</dt>
            <dd className="fr-ml-0 fr-mb-2w">{parisDate(depositedAt)}</dd>
          </>
        )}
        {just && (
          <>
            <dt className="fr-text--bold">Préfecture qui examinera votre demande</dt>
            <dd className="fr-ml-0 fr-mb-2w">{just.prefecture.name}</dd>
          </>
        )}
      </dl>
      <Button linkProps={{ href: receiptUrl, target: '_blank', rel: 'noopener' }} iconId="fr-icon-download-line">
        J'ouvre ma confirmation de dépôt de demande (PDF)
      </Button>
      <ul className="fr-mt-4w">
        <li>Si vous n'avez pas reçu d'accusé de réception, vérifiez votre boîte mail (et ses courriers indésirables).</li>
        <li>
          Vous devez obligatoirement avoir une couverture sociale. Rendez-vous sur le site suivant :{' '}
          <a href="https://www.ameli.fr" target="_blank" rel="noopener external">
            ameli.fr
          </a>
        </li>
      </ul>
      <Button className="fr-mt-2w" priority="secondary" linkProps={{ href: '/demande' }}>
        Ma demande
      </Button>
    </DemandeFrame>
  );
}
