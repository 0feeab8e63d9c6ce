import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { brandTop, homeLinkProps } from './brand';

export function SiteFooter() {
  return (
    <Footer
      brandTop={brandTop}
      homeLinkProps={homeLinkProps}
      accessibility="non compliant"
      contentDescription={
        <>
          Service de pré-demande de titre de séjour « vie privée et familiale – étranger malade » de la Direction générale des étrangers en
          France. Aucun document médical n'est transmis à la préfecture : le certificat médical est adressé aux médecins de l'OFII.
        </>
      }
    />
  );
}
