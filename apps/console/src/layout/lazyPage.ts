import { type ComponentType, lazy } from 'react';

/**
 * A page fetched when first opened (react-admin's Layout shows its « Chargement » meanwhile), so
 * that the console's first load carries only the workqueue every agent starts from: its initial
 * JavaScript stays under 400 KB gzip.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
