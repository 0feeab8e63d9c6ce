import type { AnchorHTMLAttributes } from 'react';
import { Link } from 'react-router';

/** The DSFR components' links: client-side navigation for the portal's own pages, a plain <a> for the rest (API, PDF, other sites). */
export function DsfrLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (!href?.startsWith('/') || href.startsWith('//') || href.startsWith('/api') || rest.target || rest.download !== undefined) {
    return <a href={href} {...rest} />;
  }
  return <Link to={href} {...rest} />;
}
