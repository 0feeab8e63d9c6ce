import type { DossierListItem } from '@em/contract';
import { findWorkqueue } from '@em/domain';
import { useListContext } from 'react-admin';
import { currentWorkqueue, workqueueFilter } from './workqueues';

/** The filter keys the tabs own; the others (search) are kept when switching tabs. */
const TAB_FILTER_KEYS = ['queue', 'status'];

/** The current tab, the list's other filters (search), and a switch to another tab that keeps them. */
export function useWorkqueueSwitch() {
  const { filterValues, setFilters, setSort, displayedFilters } = useListContext<DossierListItem>();
  const values = filterValues as Record<string, unknown>;
  const otherFilters = Object.fromEntries(Object.entries(values).filter(([key]) => !TAB_FILTER_KEYS.includes(key)));
  const switchTo = (slug: string) => {
    const queue = findWorkqueue(slug);
    if (!queue) return;
    setFilters({ ...otherFilters, ...workqueueFilter(queue) }, displayedFilters);
    setSort(queue.defaultSort);
  };
  return { current: currentWorkqueue(values), otherFilters, switchTo };
}
