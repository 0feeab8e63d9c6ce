import type { OutboxEmail } from '@em/contract';
import { type Identifier, useGetManyReference } from 'react-admin';

/** While a message waits in the outbox, its row is polled so « Envoyé » or « Échec » shows without a reload. */
const POLL_MS = 5000;

type ListData = { data?: OutboxEmail[] };

/** A react-query `refetchInterval` for e-mail lists: every few seconds while one of them is still queued. */
export const refetchWhileQueued = (query: { state: { data?: unknown } }) =>
  (query.state.data as ListData | undefined)?.data?.some((email) => email.status === 'queued') ? POLL_MS : false;

/** A dossier's e-mails, newest first; the « Courriels » table and the delivery alert share this query. */
export function useDossierEmails(dossierId: Identifier | undefined) {
  return useGetManyReference<OutboxEmail>(
    'emails',
    { target: 'dossier_id', id: dossierId ?? 0, pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: dossierId !== undefined, refetchInterval: refetchWhileQueued },
  );
}
