import { createHash, randomInt } from 'node:crypto';
import { hashPassword, schema, verifyPassword } from '@em/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { badRequest } from '../../http/errors.js';
import { generateSessionToken, invalidateApplicantSessions } from '../auth/sessions.js';
import { enqueueEmail } from '../mail/outbox.js';

export const ACCOUNT_CREATED = 'Demande de création de compte bien enregistrée.';
export const ACCOUNT_EXISTS =
  "Un compte existe déjà pour cette adresse email : aucun nouveau compte n'a été créé. Connectez-vous avec l'identifiant et le mot de passe reçus par courriel ; si vous ne les retrouvez plus, choisissez « Mot de passe oublié ? » pour recevoir un lien de réinitialisation.";
export const RESET_LINK_SENT =
  'Si un compte existe pour cette adresse, vous allez recevoir un courriel avec un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure et ne sert qu’une fois.';
export const RESET_LINK_INVALID =
  "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau avec « Mot de passe oublié ? ».";

export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** One « Mot de passe oublié ? » e-mail per account in this window, so the form cannot flood a mailbox. */
export const RESET_LINK_COOLDOWN_MS = 5 * 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// No look-alike characters (0/O, 1/l/I): the applicant copies it from an e-mail.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SPECIAL = '*!?#%+=';

/** 14 random characters with at least one of each class the password rules ask for. */
export function generateProvisionalPassword(): string {
  const all = UPPER + LOWER + DIGITS + SPECIAL;
  const pick = (set: string) => set[randomInt(set.length)]!;
  const characters = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SPECIAL), ...Array.from({ length: 10 }, () => pick(all))];
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}

/**
 * Guide, « Création d'un compte ANEF »: a temporary account with a provisional password sent by
 * e-mail, to be replaced at the first login. An address that already has an account gets none.
 */
export async function createAccount(deps: AppDeps, email: string): Promise<{ created: boolean; message: string }> {
  const exists = () => deps.db.select({ id: schema.applicants.id }).from(schema.applicants).where(eq(schema.applicants.email, email)).get();
  if (exists()) return { created: false, message: ACCOUNT_EXISTS };
  const provisionalPassword = generateProvisionalPassword();
  const passwordHash = await hashPassword(provisionalPassword);
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const account = tx
      .insert(schema.applicants)
      .values({ email, passwordHash, mustResetPassword: true, createdAt: now })
      .onConflictDoNothing({ target: schema.applicants.email })
      .returning({ id: schema.applicants.id })
      .get();
    // The same address asked twice at once: the first request created it.
    if (!account) return { created: false, message: ACCOUNT_EXISTS };
    enqueueEmail(tx, {
      dossierId: null,
      to: email,
      template: 'account_created',
      data: { email, provisionalPassword, loginUrl: `${deps.config.publicUrl}/connexion` },
      now,
    });
    return { created: true, message: ACCOUNT_CREATED };
  });
}

/** « Mot de passe oublié ? »: a single-use link that expires; the same answer whether the account exists or not. */
export function requestPasswordReset(deps: AppDeps, email: string): void {
  const now = deps.now();
  const token = generateSessionToken();
  deps.db.transaction((tx) => {
    const applicant = tx.select({ id: schema.applicants.id }).from(schema.applicants).where(eq(schema.applicants.email, email)).get();
    if (!applicant) return;
    const recent = tx
      .select({ id: schema.passwordResetTokens.id })
      .from(schema.passwordResetTokens)
      .where(
        and(
          eq(schema.passwordResetTokens.applicantId, applicant.id),
          isNull(schema.passwordResetTokens.usedAt),
          gt(schema.passwordResetTokens.createdAt, new Date(now.getTime() - RESET_LINK_COOLDOWN_MS)),
        ),
      )
      .orderBy(desc(schema.passwordResetTokens.createdAt))
      .get();
    if (recent) return;
    const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
    tx.insert(schema.passwordResetTokens)
      .values({ id: tokenHash(token), applicantId: applicant.id, createdAt: now, expiresAt })
      .run();
    enqueueEmail(tx, {
      dossierId: null,
      to: email,
      template: 'password_reset',
      data: { email, resetUrl: `${deps.config.publicUrl}/nouveau-mot-de-passe?jeton=${token}`, expiresAt },
      now,
    });
  });
}

/** The new password chosen through the link: every link of the account is spent, every session ended. */
export async function resetPasswordByLink(deps: AppDeps, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const link = tx
      .select()
      .from(schema.passwordResetTokens)
      .where(eq(schema.passwordResetTokens.id, tokenHash(token)))
      .get();
    if (!link || link.usedAt || link.expiresAt.getTime() <= now.getTime()) throw badRequest(RESET_LINK_INVALID);
    tx.update(schema.applicants).set({ passwordHash, mustResetPassword: false }).where(eq(schema.applicants.id, link.applicantId)).run();
    tx.update(schema.passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(schema.passwordResetTokens.applicantId, link.applicantId), isNull(schema.passwordResetTokens.usedAt)))
      .run();
    invalidateApplicantSessions(tx, link.applicantId);
  });
}

/**
 * Issue #10 item 6: outside the forced reset the current password is asked; the new one must
 * differ from it (the provisional one included); the applicant's other sessions end.
 */
export async function changePassword(
  deps: AppDeps,
  applicantId: number,
  input: { current?: string; password: string },
  sessionToken: string,
): Promise<void> {
  const account = deps.db.select().from(schema.applicants).where(eq(schema.applicants.id, applicantId)).get()!;
  if (!account.mustResetPassword) {
    if (!input.current) throw badRequest('Mot de passe actuel : champ obligatoire.');
    if (!(await verifyPassword(account.passwordHash, input.current))) throw badRequest('Mot de passe actuel : il est incorrect.');
  }
  if (await verifyPassword(account.passwordHash, input.password)) {
    throw badRequest(
      account.mustResetPassword
        ? 'Choisissez un mot de passe différent du mot de passe provisoire.'
        : 'Choisissez un mot de passe différent de votre mot de passe actuel.',
    );
  }
  const passwordHash = await hashPassword(input.password);
  deps.db.transaction((tx) => {
    tx.update(schema.applicants).set({ passwordHash, mustResetPassword: false }).where(eq(schema.applicants.id, applicantId)).run();
    invalidateApplicantSessions(tx, applicantId, sessionToken);
  });
}
