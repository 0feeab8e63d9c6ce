import { schema } from '@em/db';
import { and, eq, notInArray, type SQL } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';

/** Drafts and abandoned drafts belong to the applicant alone; staff see deposited files only. */
const NEVER_DEPOSITED = ['brouillon', 'abandonnee'];

/**
 * The one place that says which dossiers a staff member may see: those of their préfecture
 * (admins: all). Every staff query on dossiers, pieces, files, events and e-mails goes through it,
 * so another préfecture's records answer 404 and never count in a total.
 */
export function staffDossierScope(staff: StaffUser): SQL {
  const deposited = notInArray(schema.dossiers.status, NEVER_DEPOSITED);
  if (staff.role === 'admin') return deposited;
  // A staff account without a préfecture sees nothing rather than everything.
  return and(deposited, eq(schema.dossiers.prefectureCode, staff.prefectureCode ?? '\u0000'))!;
}

/** Applicants see their own dossier, whatever its state. */
export function applicantDossierScope(applicantId: number): SQL {
  return eq(schema.dossiers.applicantId, applicantId);
}
