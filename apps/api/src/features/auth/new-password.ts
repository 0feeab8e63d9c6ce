import { hashPassword } from '@em/db';
import { applicantPasswordMessage } from '@em/domain';
import { badRequest } from '../../http/errors.js';

/** The one password policy (domain §2) for a new password, staff and applicants alike; answers its hash. */
export async function newPasswordHash({ password, confirmation }: { password: string; confirmation: string }): Promise<string> {
  const problem = applicantPasswordMessage(password);
  if (problem) throw badRequest(problem);
  if (password !== confirmation) throw badRequest('Les deux mots de passe ne sont pas identiques.');
  return hashPassword(password);
}
