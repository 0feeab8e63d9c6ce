/**
 * The demo logins loaded into an empty database by the demo start (`npm start`), which prints
 * them. Their passwords are public: a server on an https PUBLIC_URL refuses a database holding them.
 */
export const DEMO_PREFECTURES = [
  { code: '59', name: 'Préfecture du Nord' },
  { code: '75', name: 'Préfecture de police de Paris' },
] as const;

export const DEMO_STAFF = [
  { role: 'agent', email: 'agent.59@demo.gouv.fr', password: 'Agent-Nord-59!', prefectureCode: '59', fullName: 'Camille Dubois' },
  {
    role: 'superviseur',
    email: 'superviseur.59@demo.gouv.fr',
    password: 'Superviseur-Nord-59!',
    prefectureCode: '59',
    fullName: 'Hélène Lefebvre',
  },
  { role: 'agent', email: 'agent.75@demo.gouv.fr', password: 'Agent-Paris-75!', prefectureCode: '75', fullName: 'Thomas Martin' },
  {
    role: 'superviseur',
    email: 'superviseur.75@demo.gouv.fr',
    password: 'Superviseur-Paris-75!',
    prefectureCode: '75',
    fullName: 'Nadia Benali',
  },
  { role: 'admin', email: 'admin@demo.gouv.fr', password: 'Admin-National-1!', prefectureCode: null, fullName: 'Administration nationale' },
] as const;

/** An applicant whose deposited dossier in the Nord awaits review. */
export const DEMO_APPLICANT = { role: 'usager', email: 'usager@demo.fr', password: 'Usager-Demo-1!' } as const;

/** Generated applicants' e-mails use the reserved `.example` domain (a demo never mails a real person); their password is the demo applicant's. */
export const DEMO_MAIL_DOMAIN = 'courriel.example';
