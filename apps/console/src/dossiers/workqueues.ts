import { DEFAULT_WORKQUEUE, findWorkqueue, type Workqueue } from '@em/domain';

/** The list filter of a tab: only its name; the server evaluates it with its own clock. */
export const workqueueFilter = (queue: Pick<Workqueue, 'slug'>) => ({ queue: queue.slug });

/** The tab a list filter shows: the one it names, « À traiter » when it names none. */
export function currentWorkqueue(filter: Record<string, unknown>): string | false {
  if (filter.queue === undefined) return filter.status === undefined ? DEFAULT_WORKQUEUE : false;
  return typeof filter.queue === 'string' && findWorkqueue(filter.queue) ? filter.queue : false;
}
