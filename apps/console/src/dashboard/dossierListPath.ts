/** The console's dossier list showing exactly a filter, in an order: what each dashboard figure links to. */
export function dossierListPath(filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), page: '1' });
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  return `/dossiers?${params}`;
}
