import { applicantPasswordMessage, MAX_PASSWORD_LENGTH } from '@em/domain';
import { z } from 'zod';

const emailFormat = z.email();
/** One message per field, without stopping the other fields' checks. */
const emailField = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .toLowerCase()
    .superRefine((value, ctx) => {
      if (!value) ctx.addIssue({ code: 'custom', message: `${label} : champ obligatoire.` });
      else if (value.length > 254 || !emailFormat.safeParse(value).success)
        ctx.addIssue({ code: 'custom', message: `${label} : adresse invalide.` });
    });

/** Guide, « Compléter les renseignements suivants pour accéder à vos services. » */
export const accountRequestSchema = z
  .object({ email: emailField('Adresse email'), confirmation: z.string({ error: "Confirmation de l'adresse email : champ obligatoire." }) })
  .superRefine((value, ctx) => {
    const confirmation = value.confirmation.trim().toLowerCase();
    if (!confirmation)
      ctx.addIssue({ code: 'custom', path: ['confirmation'], message: "Confirmation de l'adresse email : champ obligatoire." });
    else if (confirmation !== value.email)
      ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Les deux adresses email ne sont pas identiques.' });
  });
export type AccountRequest = z.input<typeof accountRequestSchema>;

/** `created: false` when the address already had an account: none is created, the message says what to do. */
export const accountResponseSchema = z.strictObject({ created: z.boolean(), message: z.string() });

/** « Mot de passe oublié ? » and the new password through its link: a sentence to show. */
export const accountMessageSchema = z.strictObject({ message: z.string().min(1) });
export type AccountResponse = z.infer<typeof accountResponseSchema>;

/** Domain §2 password rules, and a ceiling so that hashing stays cheap. */
export const newPasswordSchema = z
  .string({ error: 'Nouveau mot de passe : champ obligatoire.' })
  .max(MAX_PASSWORD_LENGTH, `Votre mot de passe doit faire ${MAX_PASSWORD_LENGTH} caractères au plus.`)
  .superRefine((value, ctx) => {
    const problem = applicantPasswordMessage(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const confirmed = <T extends { password: string; confirmation: string }>(value: T, ctx: z.RefinementCtx) => {
  if (!value.confirmation)
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Veuillez confirmer votre nouveau mot de passe.' });
  else if (value.confirmation !== value.password)
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });
};

/**
 * « Réinitialisation du mot de passe » (forced, after the provisional one) and « Modifier mon mot de passe »:
 * outside the forced reset, the current password is asked.
 */
export const passwordChangeSchema = z
  .object({
    current: z.string().max(MAX_PASSWORD_LENGTH).optional(),
    password: newPasswordSchema,
    confirmation: z.string({ error: 'Veuillez confirmer votre nouveau mot de passe.' }),
  })
  .superRefine(confirmed);
export type PasswordChange = z.input<typeof passwordChangeSchema>;

/** « Mot de passe oublié ? » */
export const forgottenPasswordSchema = z.object({ email: emailField('Identifiant (adresse email)') });
export type ForgottenPassword = z.input<typeof forgottenPasswordSchema>;

/** The new password chosen through the single-use link of the « Mot de passe oublié ? » e-mail. */
export const passwordResetByLinkSchema = z
  .object({
    token: z.string({ error: 'Lien invalide.' }).min(1, 'Lien invalide.').max(200, 'Lien invalide.'),
    password: newPasswordSchema,
    confirmation: z.string({ error: 'Veuillez confirmer votre nouveau mot de passe.' }),
  })
  .superRefine(confirmed);
export type PasswordResetByLink = z.input<typeof passwordResetByLinkSchema>;
