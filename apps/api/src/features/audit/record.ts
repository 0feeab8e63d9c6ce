import { type Db, schema, type Tx } from '@em/db';
import type { ActorRole, EventAction, PieceCode } from '@em/domain';
import { sql } from 'drizzle-orm';
import type { StaffUser } from '../../deps.js';

export type Actor = { type: 'staff'; user: StaffUser } | { type: 'applicant'; id: number } | { type: 'system' };

/** Appends one audit event; called inside the transaction of the change it describes (no dossier: staff and préfecture administration). */
export function recordEvent(
  tx: Db | Tx,
  input: {
    actor: Actor;
    action: EventAction;
    dossierId: number | null;
    at: Date;
    before?: string | null;
    after?: string | null;
    /** The piece the event is about: the reason then says what follows its code (« CODE : reason » when read). */
    piece?: PieceCode;
    reason?: string;
  },
) {
  const { actor } = input;
  const actorRole: ActorRole = actor.type === 'staff' ? actor.user.role : actor.type === 'applicant' ? 'usager' : 'systeme';
  const label = actor.type === 'staff' ? actor.user.fullName : actor.type === 'applicant' ? 'Usager' : 'Système';
  const { actorLabels } = schema;
  tx.insert(actorLabels).values({ label }).onConflictDoNothing().run();
  tx.insert(schema.events)
    .values({
      at: input.at,
      actorId: actor.type === 'staff' ? actor.user.id : actor.type === 'applicant' ? actor.id : null,
      actorRole,
      actorLabelId: sql`(SELECT ${actorLabels.id} FROM ${actorLabels} WHERE ${actorLabels.label} = ${label})`,
      action: input.action,
      dossierId: input.dossierId,
      before: input.before ?? null,
      after: input.after ?? null,
      piece: input.piece ?? null,
      reason: input.reason ?? '',
    })
    .run();
}
