import { type ReactNode, useEffect } from 'react';
import { SERVICE_TITLE } from './brand';

/** The page body: sets the document title and gives the skip link its target. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – ${SERVICE_TITLE}`;
  }, [title]);
  return (
    <main id="contenu" tabIndex={-1} className="fr-container fr-py-6w em-main">
      {children}
    </main>
  );
}

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p role="status" className="fr-text--lg">
      {label}
    </p>
  );
}

/** A page whose content is one narrow centred column (login, account, password pages). */
export function NarrowPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">{children}</div>
      </div>
    </Page>
  );
}
