import polyglotI18nProvider from 'ra-i18n-polyglot';
import frenchMessages from 'ra-language-french';
import { type I18nProvider, mergeTranslations, type TranslationMessages } from 'react-admin';
import { count } from './format';

const consoleMessages = {
  resources: {
    dossiers: {
      name: 'Dossier |||| Dossiers',
      fields: {
        numero: 'Numéro',
        birth_name: 'Nom',
        deposited_at: 'Date de dépôt',
        deadline_at: 'Échéance',
        assignee_name: 'Agent',
        q: 'Nom ou numéro',
      },
    },
    pieces: { name: 'Justificatif |||| Justificatifs' },
    files: { name: 'Fichier |||| Fichiers' },
    events: { name: 'Événement |||| Historique' },
    // The plural names the menu entry (the préfecture's outbox).
    emails: { name: 'Courriel |||| Boîte mail locale' },
  },
  console: {
    notification: {
      taken: 'Dossier pris en charge : vous pouvez vérifier les pièces.',
      complement_requested: 'Demande de pièces complémentaires envoyée',
      complement_resent: 'Demande de pièces renvoyée : le délai courra à compter de son envoi.',
      completed: 'Dossier déclaré complet : l’usager en est informé par courriel.',
      closed: 'Dossier clôturé (incomplet) : l’usager en est informé par courriel.',
      piece_reviewed: 'Vérification enregistrée — %{piece} : %{status}',
    },
  },
};

const messages = mergeTranslations(frenchMessages as TranslationMessages, consoleMessages) as TranslationMessages;

const polyglot = polyglotI18nProvider(() => messages, 'fr', [{ locale: 'fr', name: 'Français' }], {
  allowMissing: true,
});

/** A list's range and total are written as French writes numbers: « 1-25 sur 425 004 ». */
const RANGES = new Set(['ra.navigation.page_range_info', 'ra.navigation.partial_page_range_info']);
const frenchNumbers = (options: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(options).map(([name, value]) => [name, typeof value === 'number' ? count(value) : value]));

export const i18nProvider: I18nProvider = {
  ...polyglot,
  translate: (key, options) => polyglot.translate(key, RANGES.has(key) && options ? frenchNumbers(options) : options),
};
