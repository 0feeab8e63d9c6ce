import countries from 'i18n-iso-countries';
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

countries.registerLocale(fr);

const collator = new Intl.Collator('fr');

/** Countries in French from the maintained ISO 3166 list (i18n-iso-countries), in alphabetical order. */
export const COUNTRY_NAMES: readonly string[] = Object.values(countries.getNames('fr', { select: 'official' })).sort(collator.compare);

/** What a nationality may be: a country other than France (the applicant is a foreigner), or none (stateless). */
export const STATELESS = 'Apatride';
export const NATIONALITY_NAMES: readonly string[] = [...COUNTRY_NAMES.filter((name) => name !== 'France'), STATELESS];

const countrySet = new Set(COUNTRY_NAMES);
const nationalitySet = new Set(NATIONALITY_NAMES);
export const isCountryName = (value: string) => countrySet.has(value);
export const isNationalityName = (value: string) => nationalitySet.has(value);
