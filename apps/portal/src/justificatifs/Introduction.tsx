import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { ACCEPTED_FORMATS_LABEL, MAX_FILE_SIZE_LABEL } from '@em/domain';

const EPHOTO_MAP_URL = 'https://permisdeconduire.ants.gouv.fr/services-associes/ou-faire-ma-photo-et-ma-signature-numerisee';
const TRANSLATORS_URL = 'https://www.service-public.fr/particuliers/vosdroits/F12956';

/** Guide step 4: « PRÉPARER LES DOCUMENTS À FOURNIR ». */
export function Introduction() {
  return (
    <>
      <p className="fr-text--lead">Maintenant, nous allons vous demander de joindre les documents justifiant votre situation</p>
      <p className="fr-text--bold fr-mb-1w">PRÉPARER LES DOCUMENTS À FOURNIR :</p>
      <ul className="fr-mb-3w">
        <li>
          Un numéro e-photo. Pour connaître les photographes agréés près de chez vous, vous pouvez{' '}
          <a href={EPHOTO_MAP_URL} target="_blank" rel="noopener external">
            consulter la carte de géolocalisation
          </a>
          .
        </li>
        <li>
          Tous les documents justificatifs demandés selon votre situation. Les documents doivent être lisibles, en français, sous forme
          numérique ({ACCEPTED_FORMATS_LABEL}), et ne pas dépasser une taille maximale de {MAX_FILE_SIZE_LABEL} par fichier.{' '}
          <a href={TRANSLATORS_URL} target="_blank" rel="noopener external">
            Consulter la liste des traducteurs agréés
          </a>
          .
        </li>
      </ul>
    </>
  );
}

/** Next to every upload: nothing medical goes to the préfecture (domain §3). */
export function MedicalSecrecyNotice() {
  return (
    <Notice
      className="fr-mb-4w"
      title="Secret médical :"
      description="ne joignez ici aucun document médical. Le certificat médical est adressé aux médecins de l'OFII, jamais à la préfecture."
    />
  );
}
