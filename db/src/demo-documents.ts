/**
 * A small fixed pool of scanned-looking justificatifs (real PDFs and PNGs), stored once in the
 * content-addressed FileStore and referenced by every demo file row.
 */
import type { PieceCode } from '@em/domain';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { Canvas, type Rgb } from './demo-png.js';
import { Rng } from './demo-random.js';
import type { FileStore } from './file-store.js';

export type StoredDocument = {
  sha256: string;
  size: number;
  detectedType: 'application/pdf' | 'image/png';
  originalName: string;
};

export type DocumentSpec = {
  piece: Exclude<PieceCode, 'EPHOTO'>;
  type: 'pdf' | 'png';
  fileName: string;
  title: string;
  holder: string;
  lines: readonly string[];
};

const SPECS: readonly DocumentSpec[] = [
  {
    piece: 'JUSTIFICATIF_NATIONALITE',
    type: 'pdf',
    fileName: 'passeport.pdf',
    title: 'Passeport – pages d’identité',
    holder: 'Awa NDIAYE',
    lines: ['Type : P', 'Pays émetteur : SEN', 'Date d’expiration : 14/03/2029'],
  },
  {
    piece: 'JUSTIFICATIF_NATIONALITE',
    type: 'png',
    fileName: 'passeport-scan.png',
    title: 'Passeport',
    holder: 'Karim HADDAD',
    lines: ['Type P', 'Pays DZA', 'Expire le 02/11/2028'],
  },
  {
    piece: 'JUSTIFICATIF_NATIONALITE',
    type: 'pdf',
    fileName: 'attestation-consulaire.pdf',
    title: 'Attestation consulaire',
    holder: 'Grâce MBUYI',
    lines: ['Consulat général à Paris', 'Atteste que l’intéressée est de nationalité congolaise (RDC).'],
  },
  {
    piece: 'JUSTIFICATIF_NATIONALITE',
    type: 'png',
    fileName: 'carte-consulaire.png',
    title: 'Carte consulaire',
    holder: 'Mamadou DIALLO',
    lines: ['Consulat de Guinée', 'No 2019-04417'],
  },
  {
    piece: 'JUSTIFICATIF_NATIONALITE',
    type: 'png',
    fileName: 'carte-identite.png',
    title: 'Carte nationale d’identité',
    holder: 'Omar EL AMRANI',
    lines: ['Royaume du Maroc', 'CIN BK 417 203'],
  },
  {
    piece: 'JUSTIFICATIF_IDENTITE',
    type: 'pdf',
    fileName: 'acte-de-naissance.pdf',
    title: 'Extrait d’acte de naissance avec filiation',
    holder: 'Fatoumata TRAORÉ',
    lines: ['Né(e) à Bamako', 'Fille de Seydou TRAORÉ et de Oumou KEÏTA', 'Délivré le 03/02/2023'],
  },
  {
    piece: 'JUSTIFICATIF_IDENTITE',
    type: 'pdf',
    fileName: 'copie-integrale-acte-naissance.pdf',
    title: 'Copie intégrale de l’acte de naissance',
    holder: 'Jean-Baptiste JOSEPH',
    lines: ['Commune de Port-au-Prince', 'Fils de Wilner JOSEPH et de Marie-Claude DÉSIR', 'Mentions marginales : néant'],
  },
  {
    piece: 'JUSTIFICATIF_IDENTITE',
    type: 'png',
    fileName: 'acte-naissance-photo.png',
    title: 'Acte de naissance',
    holder: 'Leila TRABELSI',
    lines: ['Municipalité de Sfax', 'Registre 1987 No 2231'],
  },
  {
    piece: 'JUSTIFICATIF_ENTREE_REGULIERE',
    type: 'png',
    fileName: 'visa-cachet-entree.png',
    title: 'Visa - cachet d’entrée',
    holder: 'Armen GRIGORYAN',
    lines: ['Visa C - Schengen', 'Entrée Roissy CDG 12/05/2021'],
  },
  {
    piece: 'JUSTIFICATIF_ENTREE_REGULIERE',
    type: 'pdf',
    fileName: 'declaration-entree-reguliere.pdf',
    title: 'Déclaration sur l’honneur d’entrée régulière',
    holder: 'Giorgi BERIDZE',
    lines: [
      'Je soussigné déclare sur l’honneur être entré régulièrement en France',
      'par l’aéroport de Paris-Beauvais, dispensé de visa de court séjour.',
    ],
  },
  {
    piece: 'JUSTIFICATIF_ENTREE_REGULIERE',
    type: 'png',
    fileName: 'cachet-entree.png',
    title: 'Cachet d’entrée',
    holder: 'Youssef BENNANI',
    lines: ['Police aux frontières', 'Lille-Lesquin 23/09/2020'],
  },
  {
    piece: 'JUSTIFICATIF_DOMICILE',
    type: 'pdf',
    fileName: 'facture-electricite.pdf',
    title: 'Facture d’électricité',
    holder: 'Aminata SOW',
    lines: ['Période : 2 mois', 'Montant TTC : 84,37 €', 'Adresse de consommation : 12 rue de Lannoy, 59100 Roubaix'],
  },
  {
    piece: 'JUSTIFICATIF_DOMICILE',
    type: 'pdf',
    fileName: 'quittance-loyer.pdf',
    title: 'Quittance de loyer',
    holder: 'Mehmet YILMAZ',
    lines: ['Loyer et charges : 520,00 €', 'Logement : 45 rue de Tolbiac, 75013 Paris'],
  },
  {
    piece: 'JUSTIFICATIF_DOMICILE',
    type: 'pdf',
    fileName: 'attestation-hebergement.pdf',
    title: 'Attestation d’hébergement',
    holder: 'Nadia BOUDIAF',
    lines: ['Je soussignée Samia KHELIFI certifie héberger à mon domicile', 'depuis le 1er mars 2022. Fait à Lille, signature.'],
  },
  {
    piece: 'JUSTIFICATIF_DOMICILE',
    type: 'png',
    fileName: 'attestation-hebergement-signee.png',
    title: 'Attestation d’hébergement',
    holder: 'Ibrahima FALL',
    lines: ['Hébergé par M. Cheikh GUEYE', 'Fait à Paris, signé'],
  },
  {
    piece: 'JUSTIFICATIF_DOMICILE',
    type: 'png',
    fileName: 'piece-identite-hebergeant.png',
    title: 'Pièce d’identité de l’hébergeant',
    holder: 'Cheikh GUEYE',
    lines: ['Carte de résident', 'Valable jusqu’au 30/06/2031'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'pdf',
    fileName: 'avis-imposition.pdf',
    title: 'Avis d’impôt sur les revenus',
    holder: 'Khadija ALAOUI',
    lines: ['Revenus de l’année 2023', 'Adresse au 1er janvier : 8 rue des Postes, 59000 Lille'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'pdf',
    fileName: 'attestation-domiciliation.pdf',
    title: 'Attestation d’élection de domicile',
    holder: 'Ahmad RAHIMI',
    lines: ['Organisme domiciliataire agréé', 'Domiciliation valable un an à compter du 15/01/2023'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'pdf',
    fileName: 'releve-bancaire.pdf',
    title: 'Relevé de compte',
    holder: 'Ana Paula DA SILVA',
    lines: ['Relevé mensuel', 'Solde créditeur au 31/08/2023 : 212,40 €'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'pdf',
    fileName: 'certificat-scolarite-enfant.pdf',
    title: 'Certificat de scolarité',
    holder: 'Lina KOUASSI',
    lines: ['École élémentaire Jules Ferry', 'Année scolaire 2022-2023, classe de CE2'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'png',
    fileName: 'facture-telephone.png',
    title: 'Facture téléphone mobile',
    holder: 'Rahim HOSSAIN',
    lines: ['Forfait mensuel 9,99 EUR', 'Novembre 2022'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'png',
    fileName: 'bulletin-salaire.png',
    title: 'Bulletin de salaire',
    holder: 'Olena KOVALENKO',
    lines: ['Période : mars 2023', 'Net à payer : 1 248,12 EUR'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'png',
    fileName: 'attestation-navigo.png',
    title: 'Attestation de titre de transport',
    holder: 'Wei CHEN',
    lines: ['Forfait annuel', 'Du 01/09/2022 au 31/08/2023'],
  },
  {
    piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
    type: 'png',
    fileName: 'courrier-caf.png',
    title: 'Courrier d’un organisme social',
    holder: 'Mariama BARRY',
    lines: ['Attestation de paiement', 'Juin 2022'],
  },
];

const NOTICE = 'Document de démonstration – sans valeur';
const HEADER_COLORS: readonly Rgb[] = [
  [0, 0, 145],
  [22, 101, 52],
  [153, 27, 27],
  [87, 83, 78],
  [180, 83, 9],
];

async function renderPdf(spec: DocumentSpec, createdAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(spec.title);
  pdf.setProducer('etranger-malade demo seed');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 40, y: 760, width: 515, height: 44, color: rgb(0.93, 0.94, 0.98) });
  page.drawText(spec.title, { x: 52, y: 776, size: 17, font: bold, color: rgb(0, 0, 0.57) });
  page.drawText(`Titulaire : ${spec.holder}`, { x: 52, y: 720, size: 12, font });
  for (const [i, line] of spec.lines.entries()) page.drawText(line, { x: 52, y: 694 - i * 20, size: 11, font });
  for (let i = 0; i < 14; i++) {
    const width = 180 + ((i * 97) % 300);
    page.drawRectangle({ x: 52, y: 560 - i * 18, width, height: 6, color: rgb(0.82, 0.82, 0.82) });
  }
  page.drawText(NOTICE, { x: 52, y: 60, size: 9, font, color: rgb(0.5, 0.5, 0.5) });
  return pdf.save({ useObjectStreams: false });
}

function renderPng(spec: DocumentSpec, index: number): Uint8Array {
  const rng = new Rng('document', index);
  const canvas = new Canvas(360, 230, [250, 249, 245]);
  const header = HEADER_COLORS[index % HEADER_COLORS.length]!;
  canvas.fillRect(0, 0, 360, 34, header);
  canvas.text(10, 10, spec.title.slice(0, 28), [255, 255, 255], 2);
  const hasPhoto = spec.piece === 'JUSTIFICATIF_NATIONALITE' || spec.fileName.includes('identite');
  if (hasPhoto) {
    canvas.fillRect(12, 48, 70, 88, [205, 210, 220]);
    canvas.fillRect(32, 62, 30, 30, [150, 155, 170]);
    canvas.fillRect(24, 96, 46, 40, [150, 155, 170]);
  }
  const left = hasPhoto ? 96 : 12;
  canvas.text(left, 52, spec.holder, [20, 20, 20], 2);
  for (const [i, line] of spec.lines.entries()) canvas.text(left, 76 + i * 16, line.slice(0, 40), [60, 60, 60], 1);
  for (let row = 0; row < 4; row++) {
    let x = left;
    while (x < 330) {
      const w = rng.int(12, 48);
      canvas.fillRect(x, 130 + row * 14, Math.min(w, 345 - x), 5, [175, 175, 175]);
      x += w + 6;
    }
  }
  canvas.strokeRect(4, 40, 352, 186, [190, 190, 190]);
  canvas.text(12, 210, 'DOCUMENT DE DEMONSTRATION', [200, 60, 60], 1);
  return canvas.toPng();
}

export type DocumentPool = ReadonlyMap<Exclude<PieceCode, 'EPHOTO'>, readonly StoredDocument[]>;

/** Renders and stores the pool; the same inputs always give the same bytes (and hashes). */
export async function buildDocumentPool(store: FileStore, createdAt: Date, specs: readonly DocumentSpec[] = SPECS): Promise<DocumentPool> {
  const pool = new Map<Exclude<PieceCode, 'EPHOTO'>, StoredDocument[]>();
  for (const [index, spec] of specs.entries()) {
    const bytes = spec.type === 'pdf' ? await renderPdf(spec, createdAt) : renderPng(spec, index);
    const { sha256, size } = store.put(bytes);
    const detectedType = spec.type === 'pdf' ? 'application/pdf' : 'image/png';
    const list = pool.get(spec.piece) ?? [];
    list.push({ sha256, size, detectedType, originalName: spec.fileName });
    pool.set(spec.piece, list);
  }
  return pool;
}

/**
 * The demo applicant's own justificatifs, so that the dossier a newcomer opens first shows papers
 * in her name (the shared pool above carries other names).
 */
export function demoApplicantDocuments(person: {
  firstNames: string[];
  birthName: string;
  birthYear: number;
  birthPlace: string;
}): readonly DocumentSpec[] {
  const holder = `${person.firstNames.join(' ')} ${person.birthName.toUpperCase()}`;
  return [
    {
      piece: 'JUSTIFICATIF_NATIONALITE',
      type: 'pdf',
      fileName: 'passeport.pdf',
      title: 'Passeport – pages d’identité',
      holder,
      lines: ['Type : P', 'Pays émetteur : MEX', `Né(e) le 02/04/${person.birthYear} à ${person.birthPlace}`],
    },
    {
      piece: 'JUSTIFICATIF_IDENTITE',
      type: 'pdf',
      fileName: 'acte-de-naissance.pdf',
      title: 'Extrait d’acte de naissance avec filiation',
      holder,
      lines: [
        `Née le 02/04/${person.birthYear} à ${person.birthPlace} (Mexique)`,
        'Fille de José RODRÍGUEZ PÉREZ et de Guadalupe HERNÁNDEZ LÓPEZ',
        'Traduction par un traducteur agréé jointe',
      ],
    },
    {
      piece: 'JUSTIFICATIF_ENTREE_REGULIERE',
      type: 'png',
      fileName: 'cachet-entree.png',
      title: 'Cachet d’entrée',
      holder,
      lines: ['Police aux frontières', 'Entrée Roissy CDG'],
    },
    {
      piece: 'JUSTIFICATIF_DOMICILE',
      type: 'pdf',
      fileName: 'attestation-hebergement.pdf',
      title: 'Attestation d’hébergement',
      holder,
      lines: [
        'Je soussignée Claire MARTIN certifie héberger l’intéressée à mon domicile,',
        '20 rue Nationale, 59000 Lille, depuis deux ans. Fait à Lille, signature.',
      ],
    },
    {
      piece: 'JUSTIFICATIF_DOMICILE',
      type: 'png',
      fileName: 'piece-identite-hebergeante.png',
      title: 'Carte d’identité de l’hébergeante',
      holder: 'Claire MARTIN',
      lines: ['République française', 'Valable jusqu’au 12/07/2031'],
    },
    {
      piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
      type: 'pdf',
      fileName: 'avis-imposition.pdf',
      title: 'Avis d’impôt sur les revenus',
      holder,
      lines: ['Revenus de l’année précédente', 'Adresse au 1er janvier : 20 rue Nationale, 59000 Lille'],
    },
    {
      piece: 'JUSTIFICATIF_RESIDENCE_HABITUELLE',
      type: 'pdf',
      fileName: 'releve-bancaire.pdf',
      title: 'Relevé de compte',
      holder,
      lines: ['Relevé mensuel', 'Mouvements réguliers depuis plus d’un an'],
    },
  ];
}
