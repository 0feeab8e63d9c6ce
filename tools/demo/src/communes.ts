/** Real communes of the Nord and the Paris arrondissements, with their INSEE and postal codes. */

export type Commune = {
  city: string;
  inseeCode: string;
  postalCodes: readonly string[];
  streets: readonly string[];
  /** Relative weight: bigger towns get more applicants. */
  weight: number;
};

const COMMON_STREETS = ['Rue Jean Jaurès', 'Rue Victor Hugo', 'Rue de la République', 'Rue Pasteur', 'Rue Gambetta', 'Rue Jules Guesde'];

export const NORD_COMMUNES: readonly Commune[] = [
  {
    city: 'Lille',
    inseeCode: '59350',
    postalCodes: ['59000', '59800', '59260'],
    streets: [
      'Rue Nationale',
      'Rue de Paris',
      'Boulevard de la Liberté',
      'Rue Solférino',
      "Rue d'Arras",
      'Rue des Postes',
      'Rue Pierre Legrand',
      'Rue du Faubourg de Roubaix',
      'Rue de Wazemmes',
      'Avenue du Peuple Belge',
    ],
    weight: 14,
  },
  {
    city: 'Roubaix',
    inseeCode: '59512',
    postalCodes: ['59100'],
    streets: [
      'Grande Rue',
      'Rue de Lannoy',
      'Boulevard de Belfort',
      "Rue de l'Épeule",
      'Avenue Jean Lebas',
      'Rue du Collège',
      'Rue de Mouvaux',
    ],
    weight: 9,
  },
  {
    city: 'Tourcoing',
    inseeCode: '59599',
    postalCodes: ['59200'],
    streets: ['Rue de Lille', 'Rue de Gand', 'Boulevard Gambetta', 'Rue des Piats', 'Rue de Roubaix', 'Rue Nationale'],
    weight: 7,
  },
  {
    city: "Villeneuve-d'Ascq",
    inseeCode: '59009',
    postalCodes: ['59650', '59491', '59493'],
    streets: ['Boulevard de Valmy', 'Avenue du Pont de Bois', 'Rue Jean Jaurès', 'Rue de la Station', 'Chemin du Grand Marais'],
    weight: 5,
  },
  {
    city: 'Dunkerque',
    inseeCode: '59183',
    postalCodes: ['59140', '59240', '59640'],
    streets: ['Boulevard Alexandre III', 'Rue de Lille', 'Rue du Jeu de Paume', 'Avenue de Rosendaël', 'Rue de la Marne'],
    weight: 5,
  },
  {
    city: 'Valenciennes',
    inseeCode: '59606',
    postalCodes: ['59300'],
    streets: ['Rue de Paris', 'Avenue de Liège', 'Rue de Famars', 'Boulevard Watteau', 'Rue du Quesnoy'],
    weight: 4,
  },
  {
    city: 'Douai',
    inseeCode: '59178',
    postalCodes: ['59500'],
    streets: ['Rue de Paris', 'Rue de Bellain', 'Rue Saint-Jacques', 'Boulevard Vauban', 'Rue de Lille'],
    weight: 3,
  },
  {
    city: 'Wattrelos',
    inseeCode: '59650',
    postalCodes: ['59150'],
    streets: ['Rue Carnot', 'Rue Émile Zola', ...COMMON_STREETS.slice(0, 2)],
    weight: 2,
  },
  {
    city: 'Maubeuge',
    inseeCode: '59392',
    postalCodes: ['59600'],
    streets: ['Avenue de France', 'Rue de la Croix', ...COMMON_STREETS.slice(2, 4)],
    weight: 2,
  },
  {
    city: 'Cambrai',
    inseeCode: '59122',
    postalCodes: ['59400'],
    streets: ['Rue de Noyon', 'Avenue de Paris', ...COMMON_STREETS.slice(1, 3)],
    weight: 2,
  },
  {
    city: 'Marcq-en-Barœul',
    inseeCode: '59378',
    postalCodes: ['59700'],
    streets: ['Avenue Foch', 'Rue Nationale', ...COMMON_STREETS.slice(3, 5)],
    weight: 2,
  },
  {
    city: 'Lambersart',
    inseeCode: '59328',
    postalCodes: ['59130'],
    streets: ["Avenue de l'Hippodrome", ...COMMON_STREETS.slice(0, 3)],
    weight: 1,
  },
  {
    city: 'Armentières',
    inseeCode: '59017',
    postalCodes: ['59280'],
    streets: ['Rue de Lille', 'Rue Sadi Carnot', ...COMMON_STREETS.slice(4, 6)],
    weight: 2,
  },
  {
    city: 'Hem',
    inseeCode: '59299',
    postalCodes: ['59510'],
    streets: ['Rue Jules Guesde', 'Avenue Laennec', 'Rue de la Lionderie'],
    weight: 1,
  },
  { city: 'Loos', inseeCode: '59360', postalCodes: ['59120'], streets: ['Rue Maréchal Foch', ...COMMON_STREETS.slice(2, 5)], weight: 1 },
  {
    city: 'Mons-en-Barœul',
    inseeCode: '59410',
    postalCodes: ['59370'],
    streets: ['Rue du Général de Gaulle', 'Avenue Robert Schuman', ...COMMON_STREETS.slice(0, 1)],
    weight: 1,
  },
  {
    city: 'Croix',
    inseeCode: '59163',
    postalCodes: ['59170'],
    streets: ['Rue Jean Jaurès', 'Rue Kléber', 'Boulevard de Paris'],
    weight: 1,
  },
  { city: 'Denain', inseeCode: '59172', postalCodes: ['59220'], streets: ['Rue de Villars', ...COMMON_STREETS.slice(1, 4)], weight: 2 },
  {
    city: 'Grande-Synthe',
    inseeCode: '59271',
    postalCodes: ['59760'],
    streets: ['Avenue de la Gironde', 'Rue de Normandie', ...COMMON_STREETS.slice(0, 2)],
    weight: 2,
  },
  {
    city: 'Saint-André-lez-Lille',
    inseeCode: '59527',
    postalCodes: ['59350'],
    streets: ['Rue du Général Leclerc', ...COMMON_STREETS.slice(3, 6)],
    weight: 1,
  },
  {
    city: 'Halluin',
    inseeCode: '59279',
    postalCodes: ['59250'],
    streets: ['Rue de Lille', 'Rue de la Lys', ...COMMON_STREETS.slice(1, 2)],
    weight: 1,
  },
  {
    city: 'Anzin',
    inseeCode: '59014',
    postalCodes: ['59410'],
    streets: ['Avenue Anatole France', ...COMMON_STREETS.slice(0, 3)],
    weight: 1,
  },
];

type Arrondissement = { n: number; streets: readonly string[]; weight: number };

const ARRONDISSEMENTS: readonly Arrondissement[] = [
  { n: 1, streets: ['Rue de Rivoli', 'Rue Saint-Honoré'], weight: 1 },
  { n: 2, streets: ['Rue Réaumur', 'Rue Montorgueil'], weight: 1 },
  { n: 3, streets: ['Rue de Bretagne', 'Rue du Temple'], weight: 1 },
  { n: 4, streets: ['Rue Saint-Antoine', 'Rue de la Verrerie'], weight: 1 },
  { n: 5, streets: ['Rue Mouffetard', 'Rue Monge'], weight: 1 },
  { n: 6, streets: ['Rue de Rennes', 'Rue du Cherche-Midi'], weight: 1 },
  { n: 7, streets: ['Rue de Grenelle', 'Rue Cler'], weight: 1 },
  { n: 8, streets: ['Rue de Miromesnil', 'Boulevard Haussmann'], weight: 1 },
  { n: 9, streets: ['Rue des Martyrs', 'Rue La Fayette'], weight: 2 },
  { n: 10, streets: ['Rue du Faubourg Saint-Denis', 'Rue de Paradis', 'Rue du Château-Landon', 'Boulevard de Magenta'], weight: 5 },
  { n: 11, streets: ['Rue Oberkampf', 'Boulevard Voltaire', 'Rue de la Roquette', 'Rue Saint-Maur'], weight: 5 },
  { n: 12, streets: ['Avenue Daumesnil', 'Rue de Charenton', 'Rue de Picpus'], weight: 3 },
  { n: 13, streets: ["Avenue d'Italie", 'Rue de Tolbiac', 'Avenue de Choisy', 'Rue du Château des Rentiers'], weight: 6 },
  { n: 14, streets: ['Avenue du Général Leclerc', "Rue d'Alésia", 'Rue Raymond Losserand'], weight: 3 },
  { n: 15, streets: ['Rue de Vaugirard', 'Rue de la Convention', 'Rue Lecourbe'], weight: 3 },
  { n: 16, streets: ['Avenue de Versailles', 'Rue de Passy'], weight: 1 },
  { n: 17, streets: ['Avenue de Clichy', 'Rue Legendre', 'Rue de la Jonquière'], weight: 4 },
  {
    n: 18,
    streets: ['Rue Myrha', 'Boulevard Barbès', 'Rue Ordener', 'Rue Marx Dormoy', 'Rue de la Chapelle', 'Rue Championnet'],
    weight: 9,
  },
  { n: 19, streets: ['Avenue de Flandre', 'Rue de Crimée', 'Rue Riquet', 'Rue de Meaux', 'Avenue Jean Jaurès'], weight: 8 },
  { n: 20, streets: ['Rue des Pyrénées', 'Rue de Ménilmontant', 'Rue de Bagnolet', 'Rue de Belleville', 'Rue des Orteaux'], weight: 7 },
];

/** Paris: INSEE 75101–75120, postal codes 75001–75020. */
export const PARIS_COMMUNES: readonly Commune[] = ARRONDISSEMENTS.map(({ n, streets, weight }) => ({
  city: 'Paris',
  inseeCode: `751${String(n).padStart(2, '0')}`,
  postalCodes: [`750${String(n).padStart(2, '0')}`],
  streets,
  weight,
}));

export const ADDRESS_COMPLEMENTS = [
  'Appartement 12',
  'Bâtiment B',
  'Escalier 2, 3e étage',
  'Résidence Les Tilleuls',
  'Chez M. et Mme Lemaire',
  'Porte gauche',
  'Appartement 34, 5e étage',
  'Foyer de travailleurs migrants, chambre 118',
  'Hôtel social, chambre 7',
] as const;
