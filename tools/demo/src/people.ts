/** Demo applicants: état civil, address, contact and motif, drawn deterministically. */
import { dossierSearchText, normalizeSearchText } from '@em/domain';
import { DEMO_MAIL_DOMAIN } from './accounts.js';
import { ADDRESS_COMPLEMENTS, type Commune, NORD_COMMUNES, PARIS_COMMUNES } from './communes.js';
import { FRENCH_USAGE_NAMES, ORIGINS, type Origin } from './origins.js';
import { DAY_MS, type Rng } from './random.js';

export type DemoPrefectureCode = '59' | '75';
export type FamilySituation = 'celibataire' | 'concubin' | 'divorce' | 'marie' | 'pacse';

export type Person = {
  birthName: string;
  usageName: string;
  firstNames: string[];
  sex: 'M' | 'F';
  birthDay: number | null;
  birthMonth: number | null;
  birthYear: number;
  birthCountry: string;
  birthPlace: string;
  nationalities: string[];
  addressNumber: string;
  addressStreet: string;
  addressComplement: string;
  postalCode: string;
  city: string;
  country: string;
  inseeCode: string;
  email: string;
  phone: string;
  entryDate: string;
  familySituation: FamilySituation;
  unionDate: string | null;
  unionCountry: string | null;
  dependentChildren: boolean;
  ephoto: string;
  observations: string;
};

const EPHOTO_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ORIGIN_WEIGHTS = ORIGINS.map((o) => [o, o.weight] as const);
const FAMILY_WEIGHTS = [
  ['celibataire', 35],
  ['marie', 30],
  ['concubin', 12],
  ['divorce', 10],
  ['pacse', 5],
] as const satisfies readonly (readonly [FamilySituation, number])[];

const OBSERVATIONS = [
  "Je suis hébergé(e) par ma sœur ; son attestation d'hébergement et sa pièce d'identité sont jointes.",
  'Mon passeport est en cours de renouvellement auprès du consulat, je joins le récépissé.',
  "L'extrait d'acte de naissance avec filiation a été demandé à la mairie de {place}, je le transmettrai dès réception.",
  'Je suis accompagné(e) dans mes démarches par une assistante sociale du CCAS.',
  'Je préfère être contacté(e) par téléphone le matin.',
  'Je suis domicilié(e) auprès d’une association agréée ; le courrier peut m’être adressé à cette adresse.',
  'Je comprends mal le français écrit, mon fils peut servir d’interprète si besoin.',
] as const;

export function isoDate(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function emailSlug(value: string): string {
  return normalizeSearchText(value)
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function phone(rng: Rng): string {
  const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
  return `0${rng.weighted([
    ['6', 3],
    ['7', 2],
  ])} ${pairs.join(' ')}`;
}

function pickCommune(rng: Rng, prefectureCode: DemoPrefectureCode): Commune {
  const communes = prefectureCode === '59' ? NORD_COMMUNES : PARIS_COMMUNES;
  return rng.weighted(communes.map((c) => [c, c.weight] as const));
}

function firstNamesOf(rng: Rng, origin: Origin, sex: 'M' | 'F'): string[] {
  const pool = sex === 'M' ? origin.male : origin.female;
  return rng.chance(0.2) ? rng.sample(pool, 2) : [rng.pick(pool)];
}

/**
 * One applicant routed to `prefectureCode`. `index` makes the e-mail unique;
 * `now` anchors ages, entry dates and union dates.
 */
export function makePerson(rng: Rng, index: number, prefectureCode: DemoPrefectureCode, now: Date): Person {
  const origin = rng.weighted(ORIGIN_WEIGHTS);
  const sex = rng.chance(0.52) ? 'M' : 'F';
  const firstNames = firstNamesOf(rng, origin, sex);
  const birthName = rng.pick(origin.surnames);
  const nowYear = now.getUTCFullYear();
  const birthYear = nowYear - rng.int(19, 74);
  const dateKnown = rng.chance(0.95);
  const birthMonth = dateKnown || rng.chance(0.5) ? rng.int(1, 12) : null;
  const birthDay = dateKnown && birthMonth ? rng.int(1, 28) : null;
  const nationalities = [origin.nationality];
  if (rng.chance(0.05)) {
    const second = rng.pick(ORIGINS).nationality;
    if (second !== origin.nationality) nationalities.push(second);
  }

  const commune = pickCommune(rng, prefectureCode);
  const entryYearsAgo = rng.between(1.1, Math.min(20, nowYear - birthYear - 16));
  const entryAt = now.getTime() - Math.round(entryYearsAgo * 365.25 * DAY_MS);

  const familySituation = rng.weighted(FAMILY_WEIGHTS);
  let unionDate: string | null = null;
  let unionCountry: string | null = null;
  let usageName = '';
  if (familySituation === 'marie' || familySituation === 'pacse') {
    const adultAt = Date.UTC(birthYear + 18, 0, 1);
    // A PACS is French: signed after the entry. A marriage may predate it, back home.
    const from = familySituation === 'pacse' ? entryAt : adultAt;
    const to = Math.max(from + 30 * DAY_MS, now.getTime() - 60 * DAY_MS);
    unionDate = isoDate(from + Math.floor(rng.next() * (to - from)));
    unionCountry = familySituation === 'pacse' || rng.chance(0.3) ? 'France' : origin.country;
    if (sex === 'F' && familySituation === 'marie' && unionCountry === 'France' && rng.chance(0.4)) {
      usageName = rng.pick(FRENCH_USAGE_NAMES);
    }
  }

  const observation = rng.chance(0.25) ? rng.pick(OBSERVATIONS) : '';
  const birthPlace = rng.pick(origin.places);
  return {
    birthName,
    usageName,
    firstNames,
    sex,
    birthDay,
    birthMonth,
    birthYear,
    birthCountry: origin.country,
    birthPlace,
    nationalities,
    addressNumber: rng.chance(0.1) ? `${rng.int(1, 80)} bis` : String(rng.int(1, 180)),
    addressStreet: rng.pick(commune.streets),
    addressComplement: rng.chance(0.3) ? rng.pick(ADDRESS_COMPLEMENTS) : '',
    postalCode: rng.pick(commune.postalCodes),
    city: commune.city,
    country: 'France',
    inseeCode: commune.inseeCode,
    email: `${emailSlug(firstNames[0]!)}.${emailSlug(birthName)}.${index}@${DEMO_MAIL_DOMAIN}`,
    phone: phone(rng),
    entryDate: isoDate(entryAt),
    familySituation,
    unionDate,
    unionCountry,
    dependentChildren: rng.chance(familySituation === 'celibataire' ? 0.2 : 0.6),
    ephoto: rng.chars(EPHOTO_ALPHABET, 22),
    observations: observation.replace('{place}', birthPlace),
  };
}

/** The applicant of the guide's example, in Lille: the dossier the demo agent opens first. */
export function demoApplicantPerson(email: string, now: Date): Person {
  const year = now.getUTCFullYear();
  return {
    birthName: 'Rodríguez Hernández',
    usageName: '',
    firstNames: ['María', 'Guadalupe'],
    sex: 'F',
    birthDay: 2,
    birthMonth: 4,
    birthYear: year - 41,
    birthCountry: 'Mexique',
    birthPlace: 'Mexico',
    nationalities: ['Mexicaine'],
    addressNumber: '20',
    addressStreet: 'Rue Nationale',
    addressComplement: '',
    postalCode: '59000',
    city: 'Lille',
    country: 'France',
    inseeCode: '59350',
    email,
    phone: '06 12 34 56 78',
    entryDate: isoDate(now.getTime() - Math.round(3.4 * 365.25 * DAY_MS)),
    familySituation: 'celibataire',
    unionDate: null,
    unionCountry: null,
    dependentChildren: false,
    ephoto: 'K7M2Q9X4B8N1R5T3W6Y0ZA',
    observations: 'Je suis hébergée chez une amie depuis deux ans ; son attestation d’hébergement est jointe au justificatif de domicile.',
  };
}

/** What the search box matches: names and numéro, lower-cased, accents stripped. */
export function searchTextOf(person: Pick<Person, 'birthName' | 'usageName' | 'firstNames'>, numero: string | null): string {
  return dossierSearchText([person.birthName, person.usageName, ...person.firstNames], numero);
}
