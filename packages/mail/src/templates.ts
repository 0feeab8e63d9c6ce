import { COMPLEMENT_DELAY_DAYS, formatParisDate, formatParisLongDate } from '@em/domain';
import { type Block, composeEmail, fields, formatParisTime, link, list, namedPieceLine, paragraph, requestedPieceLine } from './layout.js';
import type { RenderedEmail, TemplateData, TemplateName } from './types.js';

/** A template: its subject, and the blocks of its body, greeted and signed by composeEmail. */
type Templates = { [T in TemplateName]: { subject: (data: TemplateData[T]) => string; blocks: (data: TemplateData[T]) => Block[] } };

const dossierRef = (numero: string) => `dossier n°${numero}`;

/** Sentences shared by the complement request and its reminder (guide, « Réception d'une demande de pièces complémentaires »). */
const RESUME_INSTRUCTIONS =
  "Pour accéder à votre demande et compléter les informations, vous pouvez vous connecter avec le lien suivant et les identifiants de votre compte d'accès temporaire.";
const CLOSURE_WARNING = 'Passé ce délai, votre dossier pourra être considéré comme incomplet et de ce fait clôturé.';

const templates: Templates = {
  account_created: {
    subject: () => "Création de votre compte d'accès temporaire",
    blocks: (data) => [
      paragraph("Un compte d'accès temporaire a été créé afin de vous permettre de poursuivre votre demande."),
      paragraph(
        'Vous pourrez ainsi quitter la télé-procédure à tout moment et la reprendre ultérieurement à la dernière étape enregistrée.',
      ),
      paragraph("Votre compte d'accès à un espace personnel usager définitif n'est pas encore créé."),
      paragraph('Voici vos identifiants de connexion :'),
      fields({ label: 'Identifiant', value: data.email }, { label: 'Mot de passe provisoire', value: data.provisionalPassword }),
      paragraph('Lors de votre première connexion, vous devrez choisir un nouveau mot de passe.'),
      link('Se connecter', data.loginUrl, 'Pour accéder à la télé-procédure, vous pouvez cliquer sur le lien suivant :'),
    ],
  },

  password_reset: {
    subject: () => 'Réinitialisation de votre mot de passe',
    blocks: (data) => [
      paragraph(`Vous avez demandé à choisir un nouveau mot de passe pour votre compte d'accès (identifiant : ${data.email}).`),
      link(
        'Choisir un nouveau mot de passe',
        data.resetUrl,
        `Ce lien ne peut servir qu'une seule fois. Il expire le ${formatParisDate(data.expiresAt)} à ${formatParisTime(data.expiresAt)}.`,
      ),
      paragraph("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable."),
    ],
  },

  deposit: {
    subject: (data) => `Confirmation du dépôt de votre pré-demande – ${dossierRef(data.numero)}`,
    blocks: (data) => [
      paragraph(
        "Votre souhait de demande de titre de séjour a bien été transmis. Après étude de votre demande, le service compétent déterminera votre éligibilité à une demande de titre de séjour et à la création d'un espace personnel usager définitif sur le site de l'administration des étrangers en France.",
      ),
      paragraph(
        "Dans l'attente de cette validation, en cas de demande de pièces complémentaires, vous recevrez un message électronique vous indiquant les précisions nécessaires et la marche à suivre pour leur communication à l'administration.",
      ),
      paragraph(`Le ${formatParisDate(data.depositedAt)}, vous avez déposé avec succès la demande n°${data.numero}.`),
      link(
        'Télécharger la confirmation de dépôt',
        data.receiptUrl,
        'La confirmation de dépôt de votre pré-demande est disponible avec le lien suivant. Conservez-la : elle constitue la preuve du dépôt de votre demande.',
      ),
    ],
  },

  complement_request: {
    subject: (data) => `Demande de pièces complémentaires – ${dossierRef(data.numero)}`,
    blocks: (data) => [
      paragraph(
        `Après avoir pris connaissance des éléments de votre dossier n°${data.numero}, nous avons besoin d'éléments complémentaires pour pouvoir l'instruire.`,
        'Les précisions nécessaires portent sur :',
      ),
      list(data.pieces.map(requestedPieceLine)),
      paragraph(
        `Vous disposez dès réception de ce message d'un délai de ${COMPLEMENT_DELAY_DAYS} jours pour compléter votre dossier, soit jusqu'au ${formatParisLongDate(data.deadline)} inclus. ${RESUME_INSTRUCTIONS}`,
      ),
      link('Reprendre ma demande', data.resumeUrl),
      paragraph(CLOSURE_WARNING),
    ],
  },

  complements_received: {
    subject: (data) => `Pièces complémentaires reçues – ${dossierRef(data.numero)}`,
    blocks: (data) => [
      paragraph(
        `Nous avons bien reçu le ${formatParisLongDate(data.receivedAt)}${data.dayOnly ? '' : ` à ${formatParisTime(data.receivedAt)}`} les éléments complémentaires que vous avez transmis pour votre dossier n°${data.numero}.`,
      ),
      paragraph('Pièces reçues :'),
      list(data.pieces.map(namedPieceLine)),
      paragraph(
        data.late
          ? "Ces éléments nous sont parvenus après l'expiration du délai qui vous avait été accordé ; ils seront néanmoins examinés par le service compétent."
          : 'Ils vont être examinés par le service compétent.',
      ),
      paragraph('Vous serez informé(e) de la suite donnée à votre démarche par un courrier électronique.'),
    ],
  },

  reminder: {
    subject: (data) =>
      `Rappel : pièces complémentaires attendues au plus tard le ${formatParisDate(data.deadline)} – ${dossierRef(data.numero)}`,
    blocks: (data) => [
      paragraph(
        `Nous vous avons demandé des éléments complémentaires pour pouvoir instruire votre dossier n°${data.numero}. À ce jour, nous ne les avons pas reçus.`,
      ),
      paragraph(
        `Il ne vous reste que quelques jours : le délai pour compléter votre dossier expire le ${formatParisLongDate(data.deadline)} inclus.`,
      ),
      paragraph('Les précisions nécessaires portent sur :'),
      list(data.pieces.map(requestedPieceLine)),
      paragraph(RESUME_INSTRUCTIONS),
      link('Reprendre ma demande', data.resumeUrl),
      paragraph(CLOSURE_WARNING),
      paragraph('Si vous avez déjà transmis ces éléments, ne tenez pas compte de ce message.'),
    ],
  },

  closure: {
    subject: (data) => `Clôture de votre demande – ${dossierRef(data.numero)}`,
    blocks: (data) => {
      const blocks: Block[] = [
        paragraph(
          `Le ${formatParisLongDate(data.closedAt)}, votre dossier n°${data.numero} a été clôturé car il est incomplet : les éléments complémentaires demandés ne nous sont pas parvenus dans le délai qui vous avait été accordé.`,
        ),
      ];
      if (data.missingPieces.length)
        blocks.push(paragraph('Les pièces manquantes étaient les suivantes :'), list(data.missingPieces.map(namedPieceLine)));
      blocks.push(
        link(
          'Je demande un premier titre',
          data.portalUrl,
          'Si vous le souhaitez, vous pouvez déposer une nouvelle demande de titre de séjour : sur la page d’accueil de la téléprocédure, choisissez « Je demande un premier titre ».',
        ),
      );
      return blocks;
    },
  },

  complete: {
    subject: (data) => `Votre dossier est complet – ${dossierRef(data.numero)}`,
    blocks: (data) => [
      paragraph(
        `Le ${formatParisLongDate(data.completedAt)}, votre dossier n°${data.numero} a été déclaré complet. Nous vous remercions pour les éléments transmis.`,
      ),
      paragraph(
        "La prochaine étape de l'instruction de votre demande est l'évaluation médicale par l'Office français de l'immigration et de l'intégration (OFII). Vous allez recevoir les instructions pour faire remplir le certificat médical par votre médecin et le faire parvenir au service médical de l'OFII.",
      ),
      paragraph(
        "Secret médical : le certificat médical et tout document médical doivent être adressés uniquement au service médical de l'OFII. Ne les envoyez jamais à la préfecture.",
      ),
      paragraph('Vous serez informé(e) de la suite donnée à votre démarche par un courrier électronique.'),
    ],
  },
};

function templateOf<T extends TemplateName>(template: T) {
  const found = templates[template] as Templates[T] | undefined;
  if (!found) throw new Error(`Unknown e-mail template: ${String(template)}`);
  return found;
}

/** The subject alone, as the outbox stores it: the bodies are rendered when read. */
export function emailSubject<T extends TemplateName>(template: T, data: TemplateData[T]): string {
  return templateOf(template).subject(data);
}

const GAP = '\u0000';
const SOME_DAY = new Date(Date.UTC(2000, 0, 1, 12));

/**
 * A template's subject apart from what each e-mail puts in it: its fixed pieces of text (between
 * the numéro and, for a reminder, the deadline's date), and whether it names a date. What a search
 * of subjects can match without rendering each stored e-mail.
 */
export function subjectWording(template: TemplateName): { fixed: string[]; namesADate: boolean } {
  const day = formatParisDate(SOME_DAY);
  // Only the numéro and the deadline reach a subject; the rest of the data is never read.
  const subject = templateOf(template).subject({ numero: GAP, deadline: SOME_DAY } as never);
  return { fixed: subject.replace(day, GAP).split(GAP), namesADate: subject.includes(day) };
}

/** Renders one of the events of domain §7 as a French e-mail, in plain text and HTML. */
export function renderEmail<T extends TemplateName>(template: T, data: TemplateData[T]): RenderedEmail {
  const { subject, blocks } = templateOf(template);
  // The account e-mails greet nobody by name: their data has no addressee.
  return composeEmail(subject(data), 'to' in data ? data.to : null, blocks(data));
}
