import { describe, expect, it } from 'vitest';
import { emailSubject, renderEmail, subjectWording } from './index.js';
import { identityMissing, numero, resumeUrl, samples } from './template-samples.js';
import type { RenderedEmail, TemplateData, TemplateName } from './types.js';

const render = <T extends TemplateName>(template: T, data?: Partial<TemplateData[T]>): RenderedEmail =>
  renderEmail(template, { ...samples[template], ...data } as TemplateData[T]);

const lines = (text: string) => text.split('\n');

describe('every template', () => {
  for (const template of Object.keys(samples) as TemplateName[]) {
    it(`${template}: greets, signs, warns it is automatic, in text and HTML`, () => {
      const email = render(template);
      expect(email.subject.length).toBeGreaterThan(10);
      const accountEmail = template === 'account_created' || template === 'password_reset';
      const greetingLine = accountEmail ? 'Bonjour,' : 'Bonjour Malade GUIDE,';
      expect(lines(email.text)[0]).toBe(greetingLine);
      expect(email.html).toContain(greetingLine);
      for (const part of [email.text, email.html]) {
        expect(part).toContain('Cordialement,');
        expect(part).toContain('La Direction Générale des Etrangers en France');
        expect(part).toContain('Ce message est généré automatiquement, merci de ne pas y répondre.');
      }
      expect(email.text.trimEnd().endsWith('Ce message est généré automatiquement, merci de ne pas y répondre.')).toBe(true);
      expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
      if (!accountEmail) expect(email.subject).toContain(`dossier n°${numero}`);
      // What the outbox stores without rendering the bodies.
      expect(emailSubject(template, samples[template])).toBe(email.subject);
    });
  }

  it('puts several first names before the birth name in capitals', () => {
    const email = render('deposit', { to: { firstNames: ['Marie', 'José'], birthName: 'Ndiaye-Éboué' } });
    expect(lines(email.text)[0]).toBe('Bonjour Marie José NDIAYE-ÉBOUÉ,');
  });

  it('escapes a hostile name and hostile values in HTML, and keeps them verbatim in text', () => {
    const hostile = { firstNames: ['<script>alert("x")</script>'], birthName: "O'Brien & <b>Fils</b>" };
    const email = render('complement_request', {
      to: hostile,
      pieces: [{ ...identityMissing, message: '<img src=x onerror=alert(1)> & "quotes"' }],
      resumeUrl: 'http://localhost:3000/r?a=1&b="><script>',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;BRIEN &amp; &lt;B&gt;FILS&lt;/B&gt;,');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(email.html).toContain('href="http://localhost:3000/r?a=1&amp;b=&quot;&gt;&lt;script&gt;"');
    expect(lines(email.text)[0]).toBe('Bonjour <script>alert("x")</script> O\'BRIEN & <B>FILS</B>,');
  });
});

describe('complement_request (guide, « Réception d’une demande de pièces complémentaires »)', () => {
  const email = render('complement_request');

  it('has the subject and the guide’s opening', () => {
    expect(email.subject).toBe('Demande de pièces complémentaires – dossier n°5901202310060000321');
    expect(email.text).toContain(
      "Après avoir pris connaissance des éléments de votre dossier n°5901202310060000321, nous avons besoin d'éléments complémentaires pour pouvoir l'instruire.\nLes précisions nécessaires portent sur :",
    );
  });

  it('lists one line per piece with the review label, in the guide’s format', () => {
    const text = lines(email.text);
    expect(text).toContain('- « JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document');
    expect(text).toContain('- « JUSTIFICATIF_DOMICILE » (Document illisible) : le scan est flou');
    expect(text).toContain('- « JUSTIFICATIF_NATIONALITE » (Document non conforme) : passeport expiré');
    expect(email.html).toContain(
      '<li style="margin:0 0 8px 0;">« JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document</li>',
    );
  });

  it('gives the 15-day delay and the deadline as a long French date in Paris', () => {
    expect(email.text).toContain(
      "Vous disposez dès réception de ce message d'un délai de 15 jours pour compléter votre dossier, soit jusqu'au mercredi 15 juillet 2026 inclus. Pour accéder à votre demande et compléter les informations, vous pouvez vous connecter avec le lien suivant et les identifiants de votre compte d'accès temporaire.",
    );
    expect(email.html).toContain('mercredi 15 juillet 2026 inclus');
    expect(email.text).not.toContain('16 juillet');
  });

  it('links « Reprendre ma demande » in text and HTML, then warns about closure', () => {
    expect(lines(email.text)).toContain(`Reprendre ma demande : ${resumeUrl}`);
    expect(email.html).toContain(`<a href="http://localhost:3000/reprendre?dossier=1&amp;source=mail"`);
    expect(email.html).toMatch(/>Reprendre ma demande<\/a>/);
    const text = email.text;
    expect(text.indexOf('Passé ce délai, votre dossier pourra être considéré comme incomplet et de ce fait clôturé.')).toBeGreaterThan(
      text.indexOf('Reprendre ma demande :'),
    );
  });

  it('omits the colon when the agent wrote no message', () => {
    const bare = render('complement_request', { pieces: [{ ...identityMissing, message: '  ' }] });
    expect(lines(bare.text)).toContain('- « JUSTIFICATIF_IDENTITE » (Document manquant)');
  });
});

describe('the other events', () => {
  it('account_created: the guide’s text, identifiant, provisional password and « Se connecter »', () => {
    const email = render('account_created');
    expect(email.text).toContain("Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande.");
    expect(email.text).toContain("Votre compte d'accès à un espace personnel usager définitif n'est pas encore créé.");
    expect(lines(email.text)).toContain('Identifiant : guideemx@yopmail.com');
    expect(lines(email.text)).toContain('Mot de passe provisoire : *uExGKeEe2D6r');
    expect(lines(email.text)).toContain('Se connecter : http://localhost:3000/connexion');
    expect(email.html).toContain('href="http://localhost:3000/connexion"');
    expect(email.html).toContain('>Se connecter</a>');
  });

  it('password_reset: the single-use link and its expiry, in Paris time', () => {
    const email = render('password_reset');
    expect(email.text).toContain('identifiant : guideemx@yopmail.com');
    expect(email.text).toContain("Ce lien ne peut servir qu'une seule fois. Il expire le 10/07/2026 à 11 h 05.");
    expect(lines(email.text)).toContain('Choisir un nouveau mot de passe : http://localhost:3000/nouveau-mot-de-passe?jeton=abc');
    expect(email.html).toContain('href="http://localhost:3000/nouveau-mot-de-passe?jeton=abc"');
  });

  it('deposit: the guide’s text, the numéro, the Paris date and the receipt link', () => {
    const email = render('deposit');
    expect(email.text).toContain(
      'Votre souhait de demande de titre de séjour a bien été transmis. Après étude de votre demande, le service compétent',
    );
    // 22:30 UTC on 5 October is already 6 October in Paris.
    expect(email.text).toContain('Le 06/10/2023, vous avez déposé avec succès la demande n°5901202310060000321.');
    expect(lines(email.text)).toContain('Télécharger la confirmation de dépôt : http://localhost:3000/api/portal/receipt.pdf');
    expect(email.html).toContain('href="http://localhost:3000/api/portal/receipt.pdf"');
  });

  it('reminder: the deadline date, the pieces still awaited and the link', () => {
    const email = render('reminder');
    expect(email.subject).toBe('Rappel : pièces complémentaires attendues au plus tard le 15/07/2026 – dossier n°5901202310060000321');
    expect(email.text).toContain('le délai pour compléter votre dossier expire le mercredi 15 juillet 2026 inclus.');
    expect(lines(email.text)).toContain('- « JUSTIFICATIF_IDENTITE » (Document manquant) : veuillez joindre un autre document');
    expect(lines(email.text)).toContain(`Reprendre ma demande : ${resumeUrl}`);
    expect(email.html).toContain('>Reprendre ma demande</a>');
  });

  it('closure: the date, the missing pieces by their label in the request’s order, and how to file a new request', () => {
    const email = render('closure');
    expect(email.text).toContain('Le jeudi 16 juillet 2026, votre dossier n°5901202310060000321 a été clôturé car il est incomplet');
    const pieceLines = lines(email.text).filter((line) => line.startsWith('- '));
    expect(pieceLines).toEqual(['- Justificatif d’identité', '- Justificatif de domicile de moins de 6 mois']);
    expect(email.text).not.toContain('JUSTIFICATIF_');
    expect(email.html).not.toContain('JUSTIFICATIF_');
    expect(email.text).toContain('choisissez « Je demande un premier titre »');
    expect(lines(email.text)).toContain('Je demande un premier titre : http://localhost:3000');
    expect(email.html).toContain('href="http://localhost:3000"');
  });

  it('closure on the first of the month reads « 1er »', () => {
    const email = render('closure', { closedAt: new Date('2026-12-01T09:00:00Z') });
    expect(email.text).toContain('Le mardi 1er décembre 2026, votre dossier');
  });

  it('complete: next step is the OFII medical certificate, never sent to the préfecture', () => {
    const email = render('complete');
    expect(email.text).toContain('Le lundi 20 juillet 2026, votre dossier n°5901202310060000321 a été déclaré complet.');
    expect(email.text).toContain('certificat médical par votre médecin');
    expect(email.text).toContain("service médical de l'OFII");
    expect(email.text).toContain('Ne les envoyez jamais à la préfecture.');
  });

  it('complements_received: the date, the time in Paris and the pieces; late ones are still examined', () => {
    const onTime = render('complements_received');
    expect(onTime.text).toContain('Nous avons bien reçu le vendredi 10 juillet 2026 à 10 h 05 les éléments complémentaires');
    expect(lines(onTime.text)).toContain('- Justificatif d’identité');
    expect(onTime.text).not.toContain('JUSTIFICATIF_');
    expect(onTime.text).not.toContain("après l'expiration du délai");
    const late = render('complements_received', { late: true });
    expect(late.text).toContain(
      "Ces éléments nous sont parvenus après l'expiration du délai qui vous avait été accordé ; ils seront néanmoins examinés",
    );
  });

  it('rejects an unknown template', () => {
    expect(() => renderEmail('nope' as TemplateName, {} as never)).toThrow(/Unknown e-mail template/);
  });
});

describe('subjectWording', () => {
  it('gives the fixed text of a subject around its numéro and date, what a search can match without rendering it', () => {
    expect(subjectWording('reminder')).toEqual({
      fixed: ['Rappel : pièces complémentaires attendues au plus tard le ', ' – dossier n°', ''],
      namesADate: true,
    });
    expect(subjectWording('deposit')).toEqual({
      fixed: ['Confirmation du dépôt de votre pré-demande – dossier n°', ''],
      namesADate: false,
    });
    expect(subjectWording('password_reset')).toEqual({ fixed: ['Réinitialisation de votre mot de passe'], namesADate: false });
  });
});
