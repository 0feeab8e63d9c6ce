import { describe, expect, it } from 'vitest';
import {
  adresseSchema,
  contactSchema,
  earliestBirthDay,
  ephotoSchema,
  etatCivilSchema,
  etatCivilSchemaAt,
  informationsPersonnellesSchemaAt,
  motifSchema,
  motifSchemaFor,
  predemandeSchemaAt,
  progressPercent,
  resumeStep,
  SITUATION_NOT_HANDLED,
  situationSchema,
} from './predemande.js';

const TODAY = '2026-03-02';

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
    nationalities: ['Sénégal'],
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
    unionDate: null as string | null,
    unionCountry: null as string | null,
    dependentChildren: false,
    attestNoPolygamy: true,
    attestPenalties: true,
  },
  ephoto: '0000000000000000000000',
  observations: 'Rien à signaler.',
});

type Issues = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
/** Messages of a failed parse, keyed by dotted path. */
function errors(result: Issues) {
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('situation (step 1)', () => {
  it('accepts the étranger malade situation only, and says plainly that the others are not handled here', () => {
    expect(situationSchema.safeParse({ situation: 'etranger_malade' }).success).toBe(true);
    for (const situation of ['membre_famille_francais', 'ne_en_france', 'autre']) {
      expect(errors(situationSchema.safeParse({ situation })).situation).toBe(SITUATION_NOT_HANDLED);
    }
    expect(errors(situationSchema.safeParse({})).situation).toBe('Indiquez votre situation.');
  });
});

describe('état civil', () => {
  it('accepts a complete état civil, with form text for the numbers', () => {
    const parsed = etatCivilSchemaAt(TODAY).parse({ ...valid().etatCivil, birthDay: '12', birthMonth: '3', birthYear: ' 1985 ' });
    expect(parsed).toMatchObject({ birthDay: 12, birthMonth: 3, birthYear: 1985 });
  });

  it('required fields have French messages', () => {
    const messages = errors(
      etatCivilSchema.safeParse({
        ...valid().etatCivil,
        birthName: ' ',
        firstNames: [],
        nationalities: [],
        sex: 'X',
        birthPlace: '',
        birthCountry: '',
      }),
    );
    expect(messages).toMatchObject({
      birthName: 'Nom de naissance : champ obligatoire.',
      firstNames: 'Prénom(s) : champ obligatoire.',
      nationalities: 'Nationalité(s) : champ obligatoire.',
      sex: 'Sexe : champ obligatoire.',
      birthPlace: 'Lieu de naissance : champ obligatoire.',
      birthCountry: 'Pays de naissance : champ obligatoire.',
    });
  });

  it('a blank first name or nationality, or the same nationality twice, is refused in French', () => {
    const messages = errors(
      etatCivilSchema.safeParse({ ...valid().etatCivil, firstNames: ['Amina', ' '], nationalities: ['Mali', 'Mali', ''] }),
    );
    expect(messages['firstNames.1']).toBe('Prénom(s) : champ obligatoire.');
    expect(messages['nationalities.2']).toBe('Nationalité(s) : champ obligatoire.');
  });

  it('the same nationality twice is refused', () => {
    const messages = errors(etatCivilSchema.safeParse({ ...valid().etatCivil, nationalities: ['Mali', 'Mali'] }));
    expect(messages['nationalities.1']).toBe('Nationalité(s) : déjà indiquée.');
  });

  it('the birth year is required, the day and month are optional', () => {
    for (const birthYear of [undefined, '', null]) {
      expect(errors(etatCivilSchema.safeParse({ ...valid().etatCivil, birthYear })).birthYear).toBe(
        'Année de naissance : champ obligatoire.',
      );
    }
    expect(etatCivilSchema.safeParse({ ...valid().etatCivil, birthDay: '', birthMonth: '' }).success).toBe(true);
    expect(etatCivilSchema.safeParse({ ...valid().etatCivil, birthDay: null, birthMonth: 7 }).success).toBe(true);
  });

  it.each([
    [{ birthDay: 30, birthMonth: 2, birthYear: 1990 }, 'birthDay', "Date de naissance : cette date n'existe pas."],
    [{ birthDay: 29, birthMonth: 2, birthYear: 1991 }, 'birthDay', "Date de naissance : cette date n'existe pas."],
    [{ birthDay: 31, birthMonth: 4, birthYear: 1991 }, 'birthDay', "Date de naissance : cette date n'existe pas."],
    [{ birthDay: 32, birthMonth: 1, birthYear: 1991 }, 'birthDay', 'Jour de naissance : entre 1 et 31.'],
    [{ birthDay: 1, birthMonth: 13, birthYear: 1991 }, 'birthMonth', 'Mois de naissance : entre 1 et 12.'],
    [{ birthDay: 'abc', birthMonth: 1, birthYear: 1991 }, 'birthDay', 'Jour de naissance : nombre attendu.'],
    [{ birthDay: 12, birthMonth: null, birthYear: 1991 }, 'birthMonth', 'Mois de naissance : à indiquer avec le jour.'],
    [{ birthDay: null, birthMonth: null, birthYear: 1850 }, 'birthYear', 'Année de naissance : 4 chiffres attendus (1900 ou après).'],
    [{ birthDay: null, birthMonth: null, birthYear: 19.5 }, 'birthYear', 'Année de naissance : 4 chiffres attendus.'],
  ])('an impossible birth date %j is refused on %s', (birth, path, message) => {
    expect(errors(etatCivilSchema.safeParse({ ...valid().etatCivil, ...birth }))[path]).toBe(message);
  });

  it('29 February of a leap year exists', () => {
    expect(etatCivilSchema.safeParse({ ...valid().etatCivil, birthDay: 29, birthMonth: 2, birthYear: 1992 }).success).toBe(true);
  });

  it('a birth date in the future is refused, today is accepted', () => {
    const at = etatCivilSchemaAt(TODAY);
    expect(errors(at.safeParse({ ...valid().etatCivil, birthDay: 3, birthMonth: 3, birthYear: 2026 })).birthYear).toBe(
      'Date de naissance : elle ne peut pas être dans le futur.',
    );
    expect(errors(at.safeParse({ ...valid().etatCivil, birthDay: null, birthMonth: null, birthYear: 2027 })).birthYear).toBeDefined();
    expect(at.safeParse({ ...valid().etatCivil, birthDay: 2, birthMonth: 3, birthYear: 2026 }).success).toBe(true);
  });

  it('earliestBirthDay fills an unknown day or month with the first one', () => {
    expect(earliestBirthDay({ birthYear: 1985 })).toBe('1985-01-01');
    expect(earliestBirthDay({ birthYear: 1985, birthMonth: 7 })).toBe('1985-07-01');
    expect(earliestBirthDay({ birthYear: 1985, birthMonth: 7, birthDay: 14 })).toBe('1985-07-14');
  });
});

describe('adresse', () => {
  it.each(['5900', '590000', 'ABCDE', ''])('bad postal code %j → French message', (postalCode) => {
    expect(errors(adresseSchema.safeParse({ ...valid().adresse, postalCode })).postalCode).toBe('Code postal : 5 chiffres attendus.');
  });

  it('overseas and Corsican addresses, the INSEE code upper-cased', () => {
    expect(adresseSchema.safeParse({ ...valid().adresse, postalCode: '97400', city: 'Saint-Denis', inseeCode: '97411' }).success).toBe(
      true,
    );
    expect(adresseSchema.parse({ ...valid().adresse, postalCode: '20000', city: 'Ajaccio', inseeCode: '2a004' }).inseeCode).toBe('2A004');
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

describe('contact', () => {
  it('the e-mail is optional, the phone required', () => {
    expect(contactSchema.parse({ email: '', phone: '0102030405' }).email).toBe('');
    expect(contactSchema.parse({ phone: '+33 1 02 03 04 05' }).email).toBe('');
    expect(errors(contactSchema.safeParse({ email: '' })).phone).toBe('Téléphone : champ obligatoire.');
  });

  it('a bad e-mail or phone is refused', () => {
    const messages = errors(contactSchema.safeParse({ email: 'nope', phone: 'abc' }));
    expect(messages.email).toBe('Adresse e-mail invalide.');
    expect(messages.phone).toBe('Téléphone : numéro invalide.');
  });
});

describe('informations personnelles (step 2)', () => {
  it('checks the three blocks together, with their paths', () => {
    const { etatCivil, adresse } = valid();
    const messages = errors(
      informationsPersonnellesSchemaAt(TODAY).safeParse({ etatCivil: { ...etatCivil, birthName: '' }, adresse, contact: { phone: '' } }),
    );
    expect(Object.keys(messages).sort()).toEqual(['contact.phone', 'etatCivil.birthName']);
  });
});

describe('motif de séjour (step 3)', () => {
  const birth = { birthDay: 12, birthMonth: 3, birthYear: 1985 };
  const motif = (changes: object) => ({ ...valid().motif, ...changes });

  it.each(['marie', 'pacse'])('%s needs a union date and country', (familySituation) => {
    const messages = errors(motifSchema.safeParse(motif({ familySituation })));
    expect(messages.unionDate).toBe("Date de début de l'union : champ obligatoire.");
    expect(messages.unionCountry).toBe("Pays de l'union : champ obligatoire.");
    const parsed = motifSchema.parse(motif({ familySituation, unionDate: '2015-06-20', unionCountry: ' Sénégal ' }));
    expect(parsed).toMatchObject({ unionDate: '2015-06-20', unionCountry: 'Sénégal' });
  });

  it('marié(e) with a blank union country, or an impossible union date, fails', () => {
    expect(
      Object.keys(errors(motifSchema.safeParse(motif({ familySituation: 'marie', unionDate: '2015-06-20', unionCountry: ' ' })))),
    ).toEqual(['unionCountry']);
    expect(
      errors(motifSchema.safeParse(motif({ familySituation: 'pacse', unionDate: '2015-02-30', unionCountry: 'Mali' }))).unionDate,
    ).toBe("Date de début de l'union : cette date n'existe pas.");
  });

  it.each(['celibataire', 'concubin', 'divorce'])('%s needs no union, and a union typed before is dropped', (familySituation) => {
    const parsed = motifSchema.parse(motif({ familySituation, unionDate: '2015-06-20', unionCountry: 'Mali' }));
    expect(parsed).toMatchObject({ unionDate: null, unionCountry: null });
  });

  it('an unknown family situation fails in French', () => {
    expect(errors(motifSchema.safeParse(motif({ familySituation: 'veuf' }))).familySituation).toBe(
      'Situation familiale : champ obligatoire.',
    );
  });

  it.each([
    ['attestNoPolygamy', "L'attestation de non-polygamie est obligatoire."],
    ['attestPenalties', "L'attestation de connaissance des sanctions pénales est obligatoire."],
  ])('both attestations are required: %s', (field, message) => {
    for (const value of [false, undefined, 'true', 1]) {
      expect(errors(motifSchema.safeParse(motif({ [field]: value })))[field]).toBe(message);
    }
  });

  it('the entry date is required and must exist', () => {
    expect(errors(motifSchema.safeParse(motif({ entryDate: '' }))).entryDate).toBe("Date d'entrée en France : champ obligatoire.");
    expect(errors(motifSchema.safeParse(motif({ entryDate: '01/09/2020' }))).entryDate).toBe(
      "Date d'entrée en France : date invalide (JJ/MM/AAAA).",
    );
    expect(errors(motifSchema.safeParse(motif({ entryDate: '2023-02-29' }))).entryDate).toBe(
      "Date d'entrée en France : cette date n'existe pas.",
    );
    expect(motifSchema.safeParse(motif({ entryDate: '2024-02-29' })).success).toBe(true);
  });

  it('the entry date may not precede the birth date, nor be in the future', () => {
    const schema = motifSchemaFor({ today: TODAY, birth });
    expect(errors(schema.safeParse(motif({ entryDate: '1985-03-11' }))).entryDate).toBe(
      "Date d'entrée en France : elle ne peut pas précéder votre date de naissance.",
    );
    expect(schema.safeParse(motif({ entryDate: '1985-03-12' })).success).toBe(true);
    expect(errors(schema.safeParse(motif({ entryDate: '2026-03-03' }))).entryDate).toBe(
      "Date d'entrée en France : elle ne peut pas être dans le futur.",
    );
    expect(schema.safeParse(motif({ entryDate: TODAY })).success).toBe(true);
  });

  it('with only a birth year known, an entry in that year is accepted', () => {
    const schema = motifSchemaFor({ today: TODAY, birth: { birthYear: 1985 } });
    expect(schema.safeParse(motif({ entryDate: '1985-01-01' })).success).toBe(true);
    expect(schema.safeParse(motif({ entryDate: '1984-12-31' })).success).toBe(false);
  });

  it('the union date may not precede the birth date, nor be in the future', () => {
    const schema = motifSchemaFor({ today: TODAY, birth });
    const union = (unionDate: string) => motif({ familySituation: 'marie', unionCountry: 'Mali', unionDate });
    expect(errors(schema.safeParse(union('1980-01-01'))).unionDate).toBe(
      "Date de début de l'union : elle ne peut pas précéder votre date de naissance.",
    );
    expect(errors(schema.safeParse(union('2027-01-01'))).unionDate).toBe("Date de début de l'union : elle ne peut pas être dans le futur.");
  });

  it('dependent children is required', () => {
    const { dependentChildren: _, ...rest } = valid().motif;
    expect(errors(motifSchema.safeParse(rest)).dependentChildren).toBe('Enfants à charge : champ obligatoire.');
  });
});

describe('e-photo', () => {
  it('normalizes case and spaces', () => {
    expect(ephotoSchema.parse('ab12 cd34 ef56 gh78 ij90 kl')).toBe('AB12CD34EF56GH78IJ90KL');
    expect(ephotoSchema.parse('  abcdefghijklmnopqrstuv ')).toBe('ABCDEFGHIJKLMNOPQRSTUV');
  });

  it.each(['0'.repeat(21), '0'.repeat(23), `${'0'.repeat(21)}é`, `${'0'.repeat(21)}-`, ''])('rejects %j', (value) => {
    const result = ephotoSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Numéro e-photo : 22 caractères (lettres et chiffres) attendus.');
  });
});

describe('the whole pré-demande at the deposit', () => {
  it('accepts a complete one and fills the optional fields', () => {
    const input = valid() as Record<string, unknown>;
    delete input.observations;
    const parsed = predemandeSchemaAt(TODAY).parse(input);
    expect(parsed.observations).toBe('');
    expect(parsed.motif.unionDate).toBeNull();
  });

  it('checks the entry date against the birth date of the état civil', () => {
    const input = valid();
    input.motif.entryDate = '1980-01-01';
    expect(errors(predemandeSchemaAt(TODAY).safeParse(input))['motif.entryDate']).toBe(
      "Date d'entrée en France : elle ne peut pas précéder votre date de naissance.",
    );
  });

  it('a 21-character e-photo fails on ephoto', () => {
    expect(Object.keys(errors(predemandeSchemaAt(TODAY).safeParse({ ...valid(), ephoto: '0'.repeat(21) })))).toEqual(['ephoto']);
  });

  it('observations are capped at 4000 characters', () => {
    expect(errors(predemandeSchemaAt(TODAY).safeParse({ ...valid(), observations: 'x'.repeat(4001) })).observations).toBe(
      'Observations : 4000 caractères au plus.',
    );
  });
});

describe('progress', () => {
  it('is 20 % after step 1 and 90 % at the deposit', () => {
    expect([0, 1, 2, 3, 4].map(progressPercent)).toEqual([0, 20, 45, 70, 90]);
    expect(progressPercent(9)).toBe(90);
  });

  it('resumes at the step after the last one saved, the deposit at most', () => {
    expect([0, 1, 2, 3, 4, 5].map(resumeStep)).toEqual([1, 2, 3, 4, 5, 5]);
  });
});
