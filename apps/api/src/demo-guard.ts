import { type Db, schema } from '@em/db';
import { DEMO_APPLICANT, DEMO_MAIL_DOMAIN, DEMO_STAFF } from '@em/demo/accounts';
import { inArray, like, or } from 'drizzle-orm';

/** The demo logins the database holds (at most a few): their passwords are published in the README. */
export function demoLoginsIn(db: Db): string[] {
  const staff = db
    .select({ email: schema.staffUsers.email })
    .from(schema.staffUsers)
    .where(
      inArray(
        schema.staffUsers.email,
        DEMO_STAFF.map((user) => user.email),
      ),
    )
    .all();
  const applicants = db
    .select({ email: schema.applicants.email })
    .from(schema.applicants)
    .where(or(inArray(schema.applicants.email, [DEMO_APPLICANT.email]), like(schema.applicants.email, `%@${DEMO_MAIL_DOMAIN}`)))
    .limit(3)
    .all();
  return [...staff, ...applicants].map((row) => row.email);
}

/**
 * Why the server must not start, or null. Demo accounts have public passwords: behind an https
 * PUBLIC_URL (a real deployment) they would open a national admin account to anyone.
 */
export function demoRefusal(secure: boolean, demoLogins: readonly string[]): string | null {
  if (!secure || demoLogins.length === 0) return null;
  return [
    'Démarrage refusé : PUBLIC_URL est en https (déploiement réel) et la base contient des comptes de démonstration,',
    `dont les mots de passe sont publics (par exemple ${demoLogins.join(', ')}).`,
    'Démarrez sur un DATA_DIR neuf, sans données de démonstration, et créez le premier administrateur avec',
    '  npm run cli -- users:create --email … --password … --role admin',
    '(voir « Déploiement en préfecture » dans le README).',
  ].join('\n');
}
