import { applicantPasswordMessage } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addApplicant,
  addStaff,
  applicantLogin,
  countRows,
  createHarness,
  get,
  type Harness,
  outboxEmail,
  PASSWORD,
  send,
  login as staffLogin,
} from '../../testing/harness.js';
import { ACCOUNT_CREATED, ACCOUNT_EXISTS, generateProvisionalPassword, RESET_LINK_INVALID, RESET_LINK_SENT } from './service.js';

let h: Harness;
beforeEach(() => {
  h = createHarness(new Date('2026-03-02T09:00:00Z'));
});
afterEach(() => h.close());

const post = (path: string, body: unknown, cookie = '') => send(h, 'POST', path, cookie, body);
const login = (email: string, password: string) =>
  h.app.request('/api/usager/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
const lastEmail = (template: string) => outboxEmail(h, 'template = ? order by id desc', template);
const field = (text: string, label: string) => new RegExp(`^${label} : (.+)$`, 'm').exec(text)?.[1];

describe('account creation', () => {
  it('creates a temporary account and e-mails the identifiant, a provisional password and « Se connecter »', async () => {
    const response = await post('/api/usager/compte', { email: ' Guide@Yopmail.com ', confirmation: 'guide@yopmail.com' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: true, message: ACCOUNT_CREATED });
    const email = lastEmail('account_created')!;
    expect(email.to).toBe('guide@yopmail.com');
    expect(field(email.text, 'Identifiant')).toBe('guide@yopmail.com');
    expect(email.text).toContain('Se connecter : http://localhost:3000/connexion');
    const provisional = field(email.text, 'Mot de passe provisoire')!;
    expect(applicantPasswordMessage(provisional)).toBeNull();

    const logged = await login('guide@yopmail.com', provisional);
    expect(logged.status).toBe(200);
    expect(await logged.json()).toMatchObject({ email: 'guide@yopmail.com', must_reset_password: true });
    // Until the provisional password is replaced, the pré-demande stays closed.
    const cookie = logged.headers.get('set-cookie')!.split(';')[0]!;
    expect((await post('/api/usager/demandes', { situation: 'etranger_malade' }, cookie)).status).toBe(403);
  });

  it('creates no second account for the same address, and says what to do next', async () => {
    await post('/api/usager/compte', { email: 'guide@yopmail.com', confirmation: 'guide@yopmail.com' });
    const again = await post('/api/usager/compte', { email: 'GUIDE@yopmail.com', confirmation: 'guide@yopmail.com' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ created: false, message: ACCOUNT_EXISTS });
    expect(ACCOUNT_EXISTS).toContain('« Mot de passe oublié ? »');
    const twice = await Promise.all([1, 2].map(() => post('/api/usager/compte', { email: 'deux@x.fr', confirmation: 'deux@x.fr' })));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(countRows(h, 'applicants')).toBe(2);
    expect(countRows(h, 'outbox_emails', "template = 'account_created'")).toBe(2);
  });

  it('refuses an invalid or unconfirmed address with a French message on the field', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [
        { email: '', confirmation: '' },
        { email: 'Adresse email : champ obligatoire.', confirmation: "Confirmation de l'adresse email : champ obligatoire." },
      ],
      [{ email: 'pas-une-adresse', confirmation: 'pas-une-adresse' }, { email: 'Adresse email : adresse invalide.' }],
      [{ email: 'a@x.fr', confirmation: 'b@x.fr' }, { confirmation: 'Les deux adresses email ne sont pas identiques.' }],
    ];
    for (const [body, fields] of cases) {
      const response = await post('/api/usager/compte', body);
      expect(response.status).toBe(400);
      expect((await response.json()).fields).toEqual(fields);
    }
    expect(countRows(h, 'applicants')).toBe(0);
  });

  it('shows the account e-mail in the local mailbox to the national admin only', async () => {
    await addStaff(h.db, 'admin@x.fr', 'admin', null);
    await addStaff(h.db, 'agent@59.fr', 'agent', '59');
    await post('/api/usager/compte', { email: 'guide@yopmail.com', confirmation: 'guide@yopmail.com' });
    const admin = await (await get(h, '/api/emails', await staffLogin(h, 'admin@x.fr'))).json();
    expect(admin).toEqual([expect.objectContaining({ template: 'account_created', to: 'guide@yopmail.com', dossier_id: null })]);
    const message = await (await get(h, `/api/emails/${admin[0].id}`, await staffLogin(h, 'admin@x.fr'))).json();
    expect(message.text).toContain('Mot de passe provisoire : ');
    const agent = await staffLogin(h, 'agent@59.fr');
    expect(await (await get(h, '/api/emails', agent)).json()).toEqual([]);
    expect((await get(h, `/api/emails/${admin[0].id}`, agent)).status).toBe(404);
  });

  it('makes provisional passwords that follow the password rules', () => {
    const passwords = new Set(Array.from({ length: 200 }, generateProvisionalPassword));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(applicantPasswordMessage(password)).toBeNull();
  });
});

describe('password change', () => {
  async function newAccount() {
    await post('/api/usager/compte', { email: 'guide@yopmail.com', confirmation: 'guide@yopmail.com' });
    const provisional = field(lastEmail('account_created')!.text, 'Mot de passe provisoire')!;
    const logged = await login('guide@yopmail.com', provisional);
    return { provisional, cookie: logged.headers.get('set-cookie')!.split(';')[0]! };
  }

  it('forced reset: refuses the provisional password itself, then opens the pré-demande', async () => {
    const { provisional, cookie } = await newAccount();
    const same = await post('/api/usager/auth/password', { password: provisional, confirmation: provisional }, cookie);
    expect(same.status).toBe(400);
    expect((await same.json()).message).toBe('Choisissez un mot de passe différent du mot de passe provisoire.');
    const weak = await post('/api/usager/auth/password', { password: 'abc', confirmation: 'abc' }, cookie);
    expect((await weak.json()).message).toBe(applicantPasswordMessage('abc'));
    const mismatch = await post('/api/usager/auth/password', { password: 'Nouveau-Mdp-1', confirmation: 'Nouveau-Mdp-2' }, cookie);
    expect((await mismatch.json()).fields).toEqual({ confirmation: 'Les deux mots de passe ne sont pas identiques.' });
    const tooLong = await post(
      '/api/usager/auth/password',
      { password: `Aa1!${'x'.repeat(260)}`, confirmation: `Aa1!${'x'.repeat(260)}` },
      cookie,
    );
    expect(tooLong.status).toBe(400);

    expect((await post('/api/usager/auth/password', { password: 'Nouveau-Mdp-1', confirmation: 'Nouveau-Mdp-1' }, cookie)).status).toBe(
      204,
    );
    expect(await (await get(h, '/api/usager/auth/me', cookie)).json()).toMatchObject({ must_reset_password: false });
    expect((await post('/api/usager/demandes', { situation: 'etranger_malade' }, cookie)).status).toBe(201);
    expect((await login('guide@yopmail.com', provisional)).status).toBe(401);
  });

  it('outside the forced reset, asks the current password and ends the other sessions', async () => {
    await addApplicant(h.db, 'moi@x.fr');
    const here = await applicantLogin(h, 'moi@x.fr');
    const elsewhere = await applicantLogin(h, 'moi@x.fr');
    const change = (body: object) => post('/api/usager/auth/password', body, here);

    const without = await change({ password: 'Autre-Mdp-22', confirmation: 'Autre-Mdp-22' });
    expect((await without.json()).message).toBe('Mot de passe actuel : champ obligatoire.');
    const wrong = await change({ current: 'faux', password: 'Autre-Mdp-22', confirmation: 'Autre-Mdp-22' });
    expect((await wrong.json()).message).toBe('Mot de passe actuel : il est incorrect.');
    const same = await change({ current: PASSWORD, password: PASSWORD, confirmation: PASSWORD });
    expect((await same.json()).message).toBe('Choisissez un mot de passe différent de votre mot de passe actuel.');
    expect((await get(h, '/api/usager/auth/me', elsewhere)).status).toBe(200);

    expect((await change({ current: PASSWORD, password: 'Autre-Mdp-22', confirmation: 'Autre-Mdp-22' })).status).toBe(204);
    expect((await get(h, '/api/usager/auth/me', here)).status).toBe(200);
    expect((await get(h, '/api/usager/auth/me', elsewhere)).status).toBe(401);
    expect((await login('moi@x.fr', 'Autre-Mdp-22')).status).toBe(200);
  });
});

describe('« Mot de passe oublié ? »', () => {
  const resetToken = () => /jeton=([a-z0-9]+)/.exec(lastEmail('password_reset')!.text)![1]!;

  it('answers the same whether the account exists or not, and e-mails a single-use link to an existing one', async () => {
    await addApplicant(h.db, 'moi@x.fr');
    for (const email of ['moi@x.fr', 'inconnu@x.fr']) {
      const response = await post('/api/usager/compte/mot-de-passe-oublie', { email });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ message: RESET_LINK_SENT });
    }
    expect(countRows(h, 'outbox_emails', "template = 'password_reset'")).toBe(1);
    const email = lastEmail('password_reset')!;
    expect(email.to).toBe('moi@x.fr');
    expect(email.text).toContain('Choisir un nouveau mot de passe : http://localhost:3000/nouveau-mot-de-passe?jeton=');
    // A second request right away sends nothing more: the form cannot flood a mailbox.
    await post('/api/usager/compte/mot-de-passe-oublie', { email: 'moi@x.fr' });
    expect(countRows(h, 'outbox_emails', "template = 'password_reset'")).toBe(1);
  });

  it('sets the new password once, ends every session, and the link never works again', async () => {
    await addApplicant(h.db, 'moi@x.fr');
    const session = await applicantLogin(h, 'moi@x.fr');
    await post('/api/usager/compte/mot-de-passe-oublie', { email: 'moi@x.fr' });
    const token = resetToken();
    const weak = await post('/api/usager/compte/nouveau-mot-de-passe', { token, password: 'faible', confirmation: 'faible' });
    expect(weak.status).toBe(400);
    const done = await post('/api/usager/compte/nouveau-mot-de-passe', { token, password: 'Oublie-Mdp-3', confirmation: 'Oublie-Mdp-3' });
    expect(done.status).toBe(200);
    expect((await get(h, '/api/usager/auth/me', session)).status).toBe(401);
    expect((await login('moi@x.fr', 'Oublie-Mdp-3')).status).toBe(200);
    const reused = await post('/api/usager/compte/nouveau-mot-de-passe', { token, password: 'Encore-Mdp-4', confirmation: 'Encore-Mdp-4' });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({ message: RESET_LINK_INVALID });
  });

  it('expires after an hour, and a wrong token is refused the same way', async () => {
    await addApplicant(h.db, 'moi@x.fr');
    await post('/api/usager/compte/mot-de-passe-oublie', { email: 'moi@x.fr' });
    const token = resetToken();
    h.clock.set(new Date('2026-03-02T10:00:01Z'));
    for (const t of [token, 'inconnu']) {
      const response = await post('/api/usager/compte/nouveau-mot-de-passe', {
        token: t,
        password: 'Oublie-Mdp-3',
        confirmation: 'Oublie-Mdp-3',
      });
      expect(await response.json()).toEqual({ message: RESET_LINK_INVALID });
    }
    expect((await login('moi@x.fr', PASSWORD)).status).toBe(200);
  });
});
