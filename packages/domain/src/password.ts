/** Longer passwords are refused before hashing: nobody types more, and hashing megabytes costs. */
export const MAX_PASSWORD_LENGTH = 256;

/** Domain §2: at least 8 characters, one upper-case letter, one lower-case letter, one digit, one special character. */
export function applicantPasswordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('au moins 8 caractères');
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`au plus ${MAX_PASSWORD_LENGTH} caractères`);
  if (!/\p{Lu}/u.test(password)) problems.push('une majuscule');
  if (!/\p{Ll}/u.test(password)) problems.push('une minuscule');
  if (!/\d/.test(password)) problems.push('un chiffre');
  if (!/[^\p{L}\p{N}]/u.test(password)) problems.push('un caractère spécial');
  return problems;
}

export function applicantPasswordMessage(password: string): string | null {
  const problems = applicantPasswordProblems(password);
  if (problems.length === 0) return null;
  return `Votre mot de passe doit contenir ${problems.join(', ')}.`;
}
