import type { Dashboard, DashboardFigure } from '@em/contract';
import { type Db, schema } from '@em/db';
import {
  type DossierSortField,
  dashboardBounds,
  IMPLICIT_DECISION_WARNING_DAYS,
  NOT_TAKEN_DAYS,
  type Status,
  WORKLOAD_STATUSES,
} from '@em/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import { dossierListConditions, dossierSortColumn } from '../dossiers/queries.js';

const { dossiers, staffUsers } = schema;

type FigureDefinition = Omit<DashboardFigure, 'count' | 'since'> & { sort: { field: DossierSortField; order: 'ASC' } };

/**
 * The « Échéances » figures as data: each is a dossier list filter, so a figure's count is exactly
 * the total of the list its link opens (same conditions, same scope), and `since` is the first
 * value of that list's sort column (the oldest deadline, deposit or answer).
 */
export function dashboardFigures(now: Date): FigureDefinition[] {
  const bounds = dashboardBounds(now);
  const iso = (date: Date) => date.toISOString();
  return [
    {
      key: 'to_close',
      label: 'À clôturer',
      detail: 'Délai de réponse dépassé, demande bien remise à l’usager, dossier pas encore clôturé. Plus ancienne échéance :',
      filter: { queue: 'overdue', complement_email: 'sent' },
      sort: { field: 'deadline_at', order: 'ASC' },
    },
    {
      key: 'deadline_soon',
      label: 'Échéances dans les 5 jours',
      detail: 'Compléments attendus dont le délai expire dans les 5 prochains jours. Prochaine échéance :',
      filter: { queue: 'awaiting_complements', deadline_gte: iso(now), deadline_lte: iso(bounds.deadlineSoonUntil) },
      sort: { field: 'deadline_at', order: 'ASC' },
    },
    {
      key: 'undelivered',
      label: 'Demandes non remises',
      detail: 'Le courriel de demande de pièces a échoué ou a été rejeté : le délai ne court pas. Dépôt le plus ancien :',
      filter: { queue: 'awaiting_complements', complement_email: 'undelivered' },
      sort: { field: 'deposited_at', order: 'ASC' },
    },
    {
      key: 'received_unreviewed',
      label: 'Compléments reçus à examiner',
      detail: 'L’usager a déposé ses compléments ; aucun agent n’a encore statué. Reçus depuis le :',
      filter: { queue: 'complements_received' },
      sort: { field: 'last_answered_at', order: 'ASC' },
    },
    {
      key: 'not_taken',
      label: `Non pris en charge depuis plus de ${NOT_TAKEN_DAYS} jours`,
      detail: 'Dossiers déposés qu’aucun agent n’a pris en charge. Dépôt le plus ancien :',
      filter: { queue: 'to_take', deposited_lte: iso(bounds.notTakenBefore) },
      sort: { field: 'deposited_at', order: 'ASC' },
    },
    {
      key: 'implicit_decision_soon',
      label: `Décision implicite dans les ${IMPLICIT_DECISION_WARNING_DAYS} jours`,
      detail: 'Quatre mois de silence valent rejet implicite (CESEDA R432-1) ; échéances passées comprises. Plus proche :',
      filter: { implicit_decision_lte: iso(bounds.implicitDecisionUntil) },
      sort: { field: 'implicit_decision_at', order: 'ASC' },
    },
  ];
}

const toIso = (value: unknown) => (value === null || value === undefined ? null : new Date(Number(value)).toISOString());

/** `scopes`: the caller's dossiers, and the same rule on the kept counts (dossiers/scope.ts). */
export function buildDashboard(db: Db, scopes: { dossiers: SQL; counts: SQL }, prefectureCode: string | null, now: Date): Dashboard {
  const figures = dashboardFigures(now).map((figure) => {
    const where = and(scopes.dossiers, ...dossierListConditions(figure.filter, now));
    const row = db
      .select({ count: sql<number>`count(*)`, since: sql<number | null>`min(${dossierSortColumn(figure.sort.field)})` })
      .from(dossiers)
      .where(where)
      .get();
    return { ...figure, count: row?.count ?? 0, since: toIso(row?.since) };
  });

  // From the counts kept per préfecture, status and assignee (migration 0010), not the dossiers themselves.
  const cells = db.all<{ assigneeId: number; fullName: string; status: Status; count: number }>(sql`
    SELECT counts.assignee_id AS assigneeId, ${staffUsers.fullName} AS fullName, counts.status AS status, counts.count AS count
    FROM (SELECT assignee_id, status, sum(count) AS count FROM dossier_counts
      WHERE ${scopes.counts} AND assignee_id <> 0 AND status IN (${sql.join(
        WORKLOAD_STATUSES.map((status) => sql`${status}`),
        sql`, `,
      )})
      GROUP BY assignee_id, status HAVING sum(count) > 0) AS counts
    JOIN ${staffUsers} ON ${staffUsers.id} = counts.assignee_id`);
  const rows = new Map<number, Dashboard['workload'][number]>();
  for (const cell of cells) {
    const id = cell.assigneeId;
    const row = rows.get(id) ?? { assignee_id: id, full_name: cell.fullName, counts: {}, total: 0 };
    row.counts[cell.status] = cell.count;
    row.total += cell.count;
    rows.set(id, row);
  }
  return {
    prefecture_code: prefectureCode,
    generated_at: now.toISOString(),
    figures,
    workload_statuses: [...WORKLOAD_STATUSES],
    workload: [...rows.values()].sort((a, b) => b.total - a.total || a.full_name.localeCompare(b.full_name, 'fr')),
  };
}
