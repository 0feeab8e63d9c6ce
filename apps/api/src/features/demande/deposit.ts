import type { DepositResponse } from '@em/contract';
import { type Db, schema } from '@em/db';
import { DEMANDE_STEPS, dossierSearchText, formatNumero, predemandeSchemaAt } from '@em/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { conflict, HttpError } from '../../http/errors.js';
import { recordEvent } from '../audit/record.js';
import { addresseeOf, type DossierRow, recipientOf, requireTransition, setStatus } from '../dossiers/state.js';
import { enqueueEmail } from '../mail/outbox.js';
import { missingPieces, missingPiecesMessage, ownDossier, parisToday, prefectureOfInsee, requireSavedStep } from './draft.js';
import { receiptUrl, stepValues } from './draft-view.js';
import { type ReceiptData, renderReceipt } from './receipt.js';

/** The saved draft in the shape of the domain's whole-pré-demande schema. */
const predemandeOf = (d: DossierRow) => ({ ...stepValues(d), ephoto: d.ephoto ?? '', observations: d.observations });

const STEP_OF_FIELD: Record<string, number> = { etatCivil: 1, adresse: 1, contact: 1, motif: 2, ephoto: 3 };

export function receiptDataOf(d: DossierRow): ReceiptData {
  return { ...d, numero: d.numero!, depositedAt: d.depositedAt! };
}

function confirmationOf(db: Db, d: DossierRow): DepositResponse {
  const prefecture = db.select().from(schema.prefectures).where(eq(schema.prefectures.code, d.prefectureCode!)).get()!;
  return {
    id: d.id,
    numero: d.numero!,
    depositedAt: d.depositedAt!.toISOString(),
    prefecture: { code: prefecture.code, name: prefecture.name },
    receiptUrl: receiptUrl(d.id),
  };
}

type Plan = { done: DepositResponse } | { dossier: DossierRow; prefectureCode: string; sequence: number; numero: string };

/** Everything the deposit checks, and the numéro it expects to issue (confirmed in the transaction). */
function planDeposit(db: Db, applicantId: number, dossierId: number, now: Date): Plan {
  const dossier = ownDossier(db, applicantId, dossierId);
  // A replayed request (double click, network retry) gets the deposit already made.
  if (dossier.numero) return { done: confirmationOf(db, dossier) };
  requireTransition(dossier, 'deposit');
  requireSavedStep(dossier, 5);
  const checked = predemandeSchemaAt(parisToday(now)).safeParse(predemandeOf(dossier));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw conflict(`Étape « ${DEMANDE_STEPS[STEP_OF_FIELD[String(issue.path[0])] ?? 1]} » à corriger : ${issue.message}`);
  }
  const missing = missingPieces(db, dossier.id);
  if (missing.length) throw conflict(missingPiecesMessage(missing));
  const prefecture = prefectureOfInsee(db, dossier.inseeCode);
  if (!prefecture)
    throw conflict(`Étape « ${DEMANDE_STEPS[1]} » à corriger : aucune préfecture ne correspond au code INSEE ${dossier.inseeCode}.`);
  const sequence = prefecture.nextNumeroSequence;
  return { dossier, prefectureCode: prefecture.code, sequence, numero: formatNumero(prefecture.code, now, sequence) };
}

/**
 * One transaction: the numéro (the préfecture's counter moves only if nobody took this number in
 * the meantime), the préfecture, the stored receipt, the status, the event and the deposit e-mail.
 * Null when the number was taken: the caller plans again.
 */
function commitDeposit(
  deps: AppDeps,
  applicantId: number,
  plan: Extract<Plan, { numero: string }>,
  receipt: Uint8Array,
  observations: string,
  now: Date,
): DepositResponse | null {
  return deps.db.transaction((tx) => {
    const dossier = ownDossier(tx, applicantId, plan.dossier.id);
    if (dossier.numero) return confirmationOf(deps.db, dossier);
    const to = requireTransition(dossier, 'deposit');
    const counter = tx
      .update(schema.prefectures)
      .set({ nextNumeroSequence: plan.sequence + 1 })
      .where(and(eq(schema.prefectures.code, plan.prefectureCode), eq(schema.prefectures.nextNumeroSequence, plan.sequence)))
      .returning({ code: schema.prefectures.code })
      .get();
    if (!counter) return null;
    const stored = deps.store.put(receipt);
    setStatus(tx, dossier.id, {
      status: to,
      numero: plan.numero,
      prefectureCode: plan.prefectureCode,
      depositedAt: now,
      observations,
      receiptSha256: stored.sha256,
      searchText: dossierSearchText([dossier.birthName, dossier.usageName, ...dossier.firstNames], plan.numero),
    });
    recordEvent(tx, {
      actor: { type: 'applicant', id: applicantId },
      action: 'deposit',
      dossierId: dossier.id,
      at: now,
      before: dossier.status,
      after: to,
      reason: plan.numero,
    });
    enqueueEmail(tx, {
      dossierId: dossier.id,
      to: recipientOf(tx, dossier),
      template: 'deposit',
      data: {
        to: addresseeOf(dossier),
        numero: plan.numero,
        depositedAt: now,
        receiptUrl: `${deps.config.publicUrl}/demande/recu?demande=${dossier.id}`,
      },
      now,
    });
    const deposited = tx.select().from(schema.dossiers).where(eq(schema.dossiers.id, dossier.id)).get()!;
    return confirmationOf(deps.db, deposited);
  });
}

// Deposits run one after another in this process: the receipt, made before the transaction,
// then almost always carries the numéro the transaction issues (the counter check stays the guard).
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const MAX_ATTEMPTS = 5;

/** « Déposer la demande ». Idempotent: a replay returns the deposit already made, never a second numéro. */
export function depositDraft(deps: AppDeps, applicantId: number, dossierId: number, observations: string): Promise<DepositResponse> {
  return oneAtATime(async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = deps.now();
      const plan = planDeposit(deps.db, applicantId, dossierId, now);
      if ('done' in plan) return plan.done;
      const receipt = await renderReceipt({ ...receiptDataOf(plan.dossier), numero: plan.numero, depositedAt: now });
      const result = commitDeposit(deps, applicantId, plan, receipt, observations, now);
      if (result) return result;
    }
    throw new HttpError(503, 'Trop de dépôts simultanés : réessayez dans un instant.');
  });
}
