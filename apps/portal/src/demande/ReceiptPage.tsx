import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { Loading, Page } from '../layout/Page';
import { useDossier } from '../useDossier';

/**
 * Where the deposit e-mail's « Télécharger la confirmation de dépôt » leads (`/demande/recu?demande=ID`):
 * after logging in if needed, the browser opens the receipt PDF itself.
 */
export function ReceiptPage() {
  const [params] = useSearchParams();
  const requested = Number(params.get('demande'));
  const { state } = useDossier();
  const url =
    Number.isInteger(requested) && requested > 0
      ? `/api/usager/demandes/${requested}/recu`
      : state.status === 'ready'
        ? state.dossier.receipt_url
        : null;

  useEffect(() => {
    if (url) window.location.replace(url);
  }, [url]);

  return (
    <Page title="Confirmation de dépôt">
      <h1>Confirmation de dépôt de votre demande</h1>
      {url ? (
        <>
          <Loading label="Ouverture de votre confirmation de dépôt…" />
          <p>
            Si elle ne s'ouvre pas, <a href={url}>ouvrez votre confirmation de dépôt (PDF)</a>.
          </p>
        </>
      ) : state.status === 'loading' ? (
        <Loading />
      ) : (
        <Alert severity="info" small role="status" description="Aucune confirmation de dépôt : votre demande n'a pas encore été déposée." />
      )}
    </Page>
  );
}
