import { describe, expect, it } from 'vitest';
import { adresseSchema, ephotoSchema, etatCivilSchema, motifSchema, predemandeSchema } from './predemande.js';

const valid = () => ({
  etatCivil: {
    birthName: 'DUPONT',
    usageName: '',
    firstNames: ['Amina', 'Fatou'],
    sex: 'F',
    birthDay: 12,
    birthMonth: 3,
    birthYear: 1985,
    birthCountry: 'Sénégal',
    birthPlace: 'Dakar',
    nationalities: ['sénégalaise'],
  },
  adresse: {
    addressNumber: '12',
    addressStreet: 'rue Nationale',
    addressComplement: '',
    postalCode: '59000',
    city: 'Lille',
    country: 'France',
    inseeCode: '59350',
  },
  contact: { email: 'guideemx@yopmail.com', phone: '06 12 34 56 78' },
  motif: {
    entryDate: '2020-09-01',
    familySituation: 'celibataire',
    unionDate: null,
    unionCountry: null,
    dependentChildren: false,
    attestNoPolygamy: true,
    attestPenalties: true,
  },
  ephoto: '0000000000000000000000',
  observations: 'Rien à signaler.',
});

/** Messages of a failed parse, keyed by dotted path. */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('predemandeSchema', () => {
  it('accepts a complete valid pré-demande', () => {
    const result = predemandeSchema.safeParse(valid());
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
    expect(result.data!.ephoto).toBe('0000000000000000000000');
  });

  it('fills defaults for optional fields', () => {
    const input = valid() as Record<string, unknown>;
    delete input.observations;
    const etatCivil = input.etatCivil as Record<string, unknown>;
    delete etatCivil.usageName;
    delete etatCivil.birthDay;
    delete etatCivil.birthMonth;
    const result = predemandeSchema.parse(input);
    expect(result.observations).toBe('');
    expect(result.etatCivil.usageName).toBe('');
  });

  it('accepts marié(e) and pacsé(e) with a union date and country', () => {
    for (const familySituation of ['marie', 'pacse']) {
      const input = valid();
      input.motif = { ...input.motif, familySituation, unionDate: '2015-06-20', unionCountry: 'Sénégal' } as never;
      expect(predemandeSchema.safeParse(input).success).toBe(true);
    }
  });

  it.each(['marie', 'pacse'])('%s without union date nor country fails, with messages on unionDate and unionCountry', (familySituation) => {
    const input = valid();
    input.motif = { ...input.motif, familySituation };
    const messages = errors(predemandeSchema.safeParse(input));
    expect(messages['motif.unionDate']).toBe("Date de début de l'union : champ obligatoire.");
    expect(messages['motif.unionCountry']).toBe("Pays de l'union : champ obligatoire.");
  });

  it('marié(e) with a blank union country fails', () => {
    const messages = errors(
      motifSchema.safeParse({ ...valid().motif, familySituation: 'marie', unionDate: '2015-06-20', unionCountry: '   ' }),
    );
    expect(Object.keys(messages)).toEqual(['unionCountry']);
  });

  it('célibataire, concubin(e), divorcé(e) need no union', () => {
    for (const familySituation of ['celibataire', 'concubin', 'divorce']) {
      expect(motifSchema.safeParse({ ...valid().motif, familySituation }).success).toBe(true);
    }
  });

  it('unknown family situation fails in French', () => {
    const messages = errors(motifSchema.safeParse({ ...valid().motif, familySituation: 'veuf' }));
    expect(messages.familySituation).toBe('Situation familiale : champ obligatoire.');
  });

  it.each([
    ['attestNoPolygamy', "L'attestation de non-polygamie est obligatoire."],
    ['attestPenalties', "L'attestation de connaissance des sanctions pénales est obligatoire."],
  ])('attestation %s must be true', (field, message) => {
    for (const value of [false, undefined, 'true', 1]) {
      const messages = errors(motifSchema.safeParse({ ...valid().motif, [field]: value }));
      expect(messages[field]).toBe(message);
    }
  });

  it('dates must be AAAA-MM-JJ', () => {
    const messages = errors(motifSchema.safeParse({ ...valid().motif, entryDate: '01/09/2020' }));
    expect(messages.entryDate).toBe("Date d'entrée en France : date invalide (AAAA-MM-JJ).");
  });

  it('dates must exist', () => {
    expect(motifSchema.safeParse({ ...valid().motif, entryDate: '2023-02-30' }).success).toBe(false);
    expect(motifSchema.safeParse({ ...valid().motif, entryDate: '2024-02-29' }).success).toBe(true);
  });

  it('dependentChildren is required', () => {
    const { dependentChildren: _, ...motif } = valid().motif;
    expect(errors(motifSchema.safeParse(motif)).dependentChildren).toBe('Enfants à charge : champ obligatoire.');
  });
});

describe('ephotoSchema', () => {
  it('normalizes case and spaces', () => {
    expect(ephotoSchema.parse('ab12 cd34 ef56 gh78 ij90 kl')).toBe('AB12CD34EF56GH78IJ90KL');
    expect(ephotoSchema.parse('  abcdefghijklmnopqrstuv ')).toBe('ABCDEFGHIJKLMNOPQRSTUV');
  });

  it.each(['0'.repeat(21), '0'.repeat(23), `${'0'.repeat(21)}é`, `${'0'.repeat(21)}-`, ''])('rejects %j', (value) => {
    const result = ephotoSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Numéro e-photo : 22 caractères (lettres et chiffres) attendus.');
  });

  it('in the full schema, a 21-character code fails on ephoto', () => {
    const messages = errors(predemandeSchema.safeParse({ ...valid(), ephoto: '0'.repeat(21) }));
    expect(Object.keys(messages)).toEqual(['ephoto']);
  });
});

describe('adresseSchema', () => {
  it.each(['5900', '590000', 'ABCDE', ''])('bad postal code %j → French message', (postalCode) => {
    const messages = errors(adresseSchema.safeParse({ ...valid().adresse, postalCode }));
    expect(messages.postalCode).toBe('Code postal : 5 chiffres attendus.');
  });

  it('overseas and Corsican addresses', () => {
    expect(adresseSchema.safeParse({ ...valid().adresse, postalCode: '97400', city: 'Saint-Denis', inseeCode: '97411' }).success).toBe(
      true,
    );
    expect(adresseSchema.safeParse({ ...valid().adresse, postalCode: '20000', city: 'Ajaccio', inseeCode: '2A004' }).success).toBe(true);
  });

  it('bad INSEE code', () => {
    expect(errors(adresseSchema.safeParse({ ...valid().adresse, inseeCode: '5935' })).inseeCode).toBe(
      'Code INSEE : 5 caractères attendus.',
    );
  });

  it('street and city are required', () => {
    const messages = errors(adresseSchema.safeParse({ ...valid().adresse, addressStreet: '  ', city: '' }));
    expect(messages.addressStreet).toBe('Voie : champ obligatoire.');
    expect(messages.city).toBe('Ville : champ obligatoire.');
  });
});

describe('etatCivilSchema', () => {
  it('required fields have French messages', () => {
    const messages = errors(
      etatCivilSchema.safeParse({ ...valid().etatCivil, birthName: ' ', firstNames: [], nationalities: [], sex: 'X', birthPlace: '' }),
    );
    expect(messages.birthName).toBe('Nom de naissance : champ obligatoire.');
    expect(messages.firstNames).toBe('Prénom(s) : champ obligatoire.');
    expect(messages.nationalities).toBe('Nationalité(s) : champ obligatoire.');
    expect(messages.sex).toBe('Sexe : champ obligatoire.');
    expect(messages.birthPlace).toBe('Lieu de naissance : champ obligatoire.');
  });

  it('a blank first name or nationality is refused in French', () => {
    const messages = errors(etatCivilSchema.safeParse({ ...valid().etatCivil, firstNames: ['Amina', ' '], nationalities: [''] }));
    expect(messages['firstNames.1']).toBe('Prénom(s) : champ obligatoire.');
    expect(messages['nationalities.0']).toBe('Nationalité(s) : champ obligatoire.');
  });

  it('birth year is required, day and month optional', () => {
    const { birthYear: _, ...rest } = valid().etatCivil;
    expect(errors(etatCivilSchema.safeParse(rest)).birthYear).toBe('Année de naissance : champ obligatoire.');
    expect(etatCivilSchema.safeParse({ ...valid().etatCivil, birthDay: null, birthMonth: null }).success).toBe(true);
  });
});

describe('contactSchema via predemandeSchema', () => {
  it('bad e-mail and phone', () => {
    const messages = errors(predemandeSchema.safeParse({ ...valid(), contact: { email: 'nope', phone: 'abc' } }));
    expect(messages['contact.email']).toBe('Adresse e-mail invalide.');
    expect(messages['contact.phone']).toBe('Téléphone : numéro invalide.');
  });
});
