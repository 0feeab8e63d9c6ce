import { schema } from '@em/db';
import { NEVER_DEPOSITED_STATUSES } from '@em/domain';
import { and, eq, notInArray, type SQL, sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';

/**
 * The one place that says which dossiers a staff member may see: those of their préfecture
 * (admins: all). Every staff query on dossiers, pieces, files, events and e-mails goes through it,
 * so another préfecture's records answer 404 and never count in a total.
 */
export function staffDossierScope(staff: StaffUser): SQL {
  const deposited = notInArray(schema.dossiers.status, [...NEVER_DEPOSITED_STATUSES]);
  if (staff.role === 'admin') return deposited;
  // A staff account without a préfecture sees nothing rather than everything.
  return and(deposited, eq(schema.dossiers.prefectureCode, staff.prefectureCode ?? '\u0000'))!;
}

/** The same rule on the totals kept per préfecture, status and assignee (table dossier_counts, migrations 0006 and 0010). */
export function staffCountScope(staff: StaffUser): SQL {
  const deposited = sql`status NOT IN (${sql.join(
    NEVER_DEPOSITED_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  )})`;
  if (staff.role === 'admin') return deposited;
  return sql`${deposited} AND prefecture_code = ${staff.prefectureCode ?? '\u0000'}`;
}

/** Applicants see their own dossier, whatever its state. */
export function applicantDossierScope(applicantId: number): SQL {
  return eq(schema.dossiers.applicantId, applicantId);
}
