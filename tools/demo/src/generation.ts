/**
 * The generated dossiers, batch by batch: the same rows whichever thread builds them. The seed
 * builds them in a worker thread (generator-worker.ts) while its own thread inserts the previous
 * batch, so that both cores work.
 */
import { formatNumero, type Status } from '@em/domain';
import { DEMO_APPLICANT } from './accounts.js';
import { DocumentShelf, type UnwrittenDocument } from './documents.js';
import { demoEmails } from './emails.js';
import { buildHistory, holderOf, type PrefectureStaff } from './history.js';
import { demoApplicantPerson, makePerson } from './people.js';
import { Rng } from './random.js';
import { planStatuses, planTimeline, type Timeline } from './timeline.js';
import { appendRows, emptyRows, type NextIds, type TableRows } from './writer.js';

/** Dossiers per transaction: large enough to be fast, small enough to report progress. */
export const SEED_BATCH_SIZE = 1000;

/** Everything a thread needs to build the generated dossiers: plain data, copied to the worker. */
export type GenerationPlan = {
  total: number;
  /** Every date is relative to it, in ms. */
  now: number;
  publicUrl: string;
  /** The numéro sequence of each generated dossier, by index (0 for a draft). */
  sequences: Int32Array;
  staffByPrefecture: Map<string, PrefectureStaff>;
  /** The ids of the first generated dossier's rows. */
  firstIds: NextIds;
};

/**
 * The plan of each generated dossier, by index; the k-th dossier of a status alternates Nord / Paris.
 * Computed again when asked rather than kept: a million plans held at once took 700 MB.
 */
export function generatedPlans(total: number, now: Date): (index: number) => Timeline {
  const statuses = planStatuses(total);
  const ordinals = new Int32Array(total);
  const counts = new Map<Status, number>();
  statuses.forEach((status, index) => {
    ordinals[index] = counts.get(status) ?? 0;
    counts.set(status, ordinals[index]! + 1);
  });
  return (index) => planTimeline(index, statuses[index]!, ordinals[index]!, now);
}

/** The shelf of the demo documents, the demo applicant's own papers chosen: her observations say the attestation d'hébergement is joined. */
export function demoShelf(now: Date): DocumentShelf {
  const shelf = new DocumentShelf(now);
  shelf.pin(holderOf(demoApplicantPerson(DEMO_APPLICANT.email, now)), {
    JUSTIFICATIF_NATIONALITE: ['passeport.pdf'],
    JUSTIFICATIF_IDENTITE: ['acte-de-naissance.pdf'],
    JUSTIFICATIF_ENTREE_REGULIERE: ['cachet-entree.png'],
    JUSTIFICATIF_DOMICILE: ['attestation-hebergement.pdf'],
    JUSTIFICATIF_RESIDENCE_HABITUELLE: ['avis-imposition.pdf', 'releve-bancaire.pdf'],
  });
  return shelf;
}

/** A batch's rows, and the documents they refer to that no batch before rendered. */
export type GeneratedBatch = { rows: TableRows; documents: UnwrittenDocument[] };

/** Builds the generated dossiers of `plan` by batches of SEED_BATCH_SIZE. */
export class BatchGenerator {
  readonly shelf: DocumentShelf;
  private readonly now: Date;
  private readonly planOf: (index: number) => Timeline;
  private readonly mail: ReturnType<typeof demoEmails>;
  private readonly next: NextIds;

  constructor(private readonly plan: GenerationPlan) {
    this.now = new Date(plan.now);
    this.shelf = demoShelf(this.now);
    this.planOf = generatedPlans(plan.total, this.now);
    this.mail = demoEmails(plan.publicUrl);
    this.next = { ...plan.firstIds };
  }

  /** The dossiers of indexes start to start + SEED_BATCH_SIZE (fewer at the end); batches are asked for in order. */
  batch(start: number): GeneratedBatch {
    const { total, sequences, staffByPrefecture } = this.plan;
    const rows = emptyRows();
    for (let index = start; index < Math.min(start + SEED_BATCH_SIZE, total); index++) {
      const t = this.planOf(index);
      const person = makePerson(new Rng('person', index), index + 1, t.prefectureCode, this.now);
      const numero = t.depositedAt === null ? null : formatNumero(t.prefectureCode, new Date(t.depositedAt), sequences[index]!);
      const record = buildHistory(t, person, numero, staffByPrefecture.get(t.prefectureCode)!, this.shelf, this.mail, this.now);
      appendRows(rows, record, this.next);
    }
    return { rows, documents: this.shelf.takeUnwritten() };
  }
}
