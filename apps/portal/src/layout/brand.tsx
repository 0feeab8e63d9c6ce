// The official block: trailing spaces keep the text readable (« Ministère de l'Intérieur et des Outre-mer »)
// while the <br /> give the DSFR three-line layout.
export const brandTop = (
  <>
    Ministère <br />
    de l'Intérieur <br />
    et des Outre-mer
  </>
);

export const homeLinkProps = { href: '/', title: 'Accueil – Étrangers en France' };

export const SERVICE_TITLE = 'Étrangers en France';
export const SERVICE_TAGLINE = 'Pré-demande de titre de séjour – étranger malade';
