/**
 * The demo justificatifs. An applicant's papers name them (PDFs in their name, compared by the
 * agent with « Déclaré par l'usager »); a few scans name nobody or a stated third party (an entry
 * stamp, the hosting person's papers) and are shared by everyone.
 *
 * Papers show a name, a nationality and a country, never a birth date or an address, so that
 * people of the same name share their files: 100 000 dossiers (560 000 file rows, 9 600 distinct
 * names) make 92 000 distinct files of about 2 Ko, one PDF per name and piece plus the one sent
 * in answer to a complement request, instead of half a million.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PieceCode } from '@em/domain';
import { renderPdf } from './pdf.js';
import { Canvas, type Rgb } from './png.js';
import { Rng } from './random.js';

export type FilePieceCode = Exclude<PieceCode, 'EPHOTO'>;

export type StoredDocument = {
  sha256: string;
  size: number;
  detectedType: 'application/pdf' | 'image/png';
  originalName: string;
};

/** Whom a personal document names; `key` tells holders apart: the same key, the same papers. */
export type Holder = { name: string; nationality: string; country: string; key: string };

export const makeHolder = (name: string, nationality: string, country: string): Holder => ({
  name,
  nationality,
  country,
  key: `${name}|${nationality}|${country}`,
});

type Papers = { originals: StoredDocument[]; spares: Template[] };

type Personal = {
  kind: 'personal';
  fileName: string;
  title: string;
  photo?: boolean;
  lines: (holder: Holder) => string[];
  /** Shared scans always sent with it (the hosting person's papers). */
  companions?: readonly Scan[];
};
type Scan = { kind: 'scan'; fileName: string; title: string; holder: string; lines: readonly string[]; photo?: boolean };
type Template = Personal | Scan;

const HOST = 'Samia KHELIFI';
const HOST_ID: Scan = {
  kind: 'scan',
  fileName: 'piece-identite-hebergeante.png',
  title: 'Carte de résident',
  holder: HOST,
  lines: ['Pièce d’identité de l’hébergeante', 'Valable jusqu’au 30/06/2031'],
  photo: true,
};
const HOST_BILL: Scan = {
  kind: 'scan',
  fileName: 'facture-hebergeante.png',
  title: 'Facture d’électricité',
  holder: HOST,
  lines: ['Justificatif de domicile de l’hébergeante', 'Période : 2 mois, montant 84,37 EUR'],
};

const TEMPLATES: Record<FilePieceCode, readonly Template[]> = {
  JUSTIFICATIF_NATIONALITE: [
    {
      kind: 'personal',
      fileName: 'passeport.pdf',
      title: 'Passeport – pages d’identité',
      photo: true,
      lines: (h) => ['Type : P', `Nationalité : ${h.nationality}`, `Pays émetteur : ${h.country}`],
    },
    {
      kind: 'personal',
      fileName: 'attestation-consulaire.pdf',
      title: 'Attestation consulaire',
      lines: (h) => [`Consulat général – ${h.country}`, `Atteste que le titulaire est de nationalité ${h.nationality.toLowerCase()}.`],
    },
    {
      kind: 'personal',
      fileName: 'carte-consulaire.pdf',
      title: 'Carte consulaire',
      photo: true,
      lines: (h) => [`Consulat – ${h.country}`, `Nationalité : ${h.nationality}`],
    },
  ],
  JUSTIFICATIF_IDENTITE: [
    {
      kind: 'personal',
      fileName: 'acte-de-naissance.pdf',
      title: 'Extrait d’acte de naissance avec filiation',
      lines: (h) => [
        `Pays de naissance : ${h.country}`,
        'Filiation : père et mère mentionnés',
        'Traduction par un traducteur agréé jointe',
      ],
    },
    {
      kind: 'personal',
      fileName: 'copie-integrale-acte-naissance.pdf',
      title: 'Copie intégrale de l’acte de naissance',
      lines: (h) => [`État civil – ${h.country}`, 'Mentions marginales : néant'],
    },
  ],
  JUSTIFICATIF_ENTREE_REGULIERE: [
    {
      kind: 'personal',
      fileName: 'visa.pdf',
      title: 'Visa – vignette',
      photo: true,
      lines: (h) => ['Visa C – Schengen', `Délivré par l’ambassade de France – ${h.country}`],
    },
    {
      kind: 'personal',
      fileName: 'declaration-entree-reguliere.pdf',
      title: 'Déclaration sur l’honneur d’entrée régulière',
      lines: () => ['Je déclare sur l’honneur être entré(e) régulièrement en France,', 'dispensé(e) de visa de court séjour.'],
    },
    { kind: 'scan', fileName: 'cachet-entree.png', title: 'Cachet d’entrée', holder: '', lines: ['Police aux frontières', 'Roissy CDG'] },
  ],
  JUSTIFICATIF_DOMICILE: [
    {
      kind: 'personal',
      fileName: 'facture-electricite.pdf',
      title: 'Facture d’électricité',
      lines: () => ['Période : 2 mois', 'Montant TTC : 84,37 €'],
    },
    {
      kind: 'personal',
      fileName: 'quittance-loyer.pdf',
      title: 'Quittance de loyer',
      lines: () => ['Loyer et charges : 520,00 €', 'Pour le mois écoulé, pour solde de tout compte'],
    },
    {
      kind: 'personal',
      fileName: 'attestation-hebergement.pdf',
      title: 'Attestation d’hébergement',
      lines: () => [`Je soussignée ${HOST} certifie héberger le titulaire à mon domicile`, 'depuis plus d’un an. Fait et signé.'],
      companions: [HOST_ID, HOST_BILL],
    },
  ],
  JUSTIFICATIF_RESIDENCE_HABITUELLE: [
    {
      kind: 'personal',
      fileName: 'avis-imposition.pdf',
      title: 'Avis d’impôt sur les revenus',
      lines: () => ['Revenus de l’année précédente', 'Situation : déclarant unique'],
    },
    {
      kind: 'personal',
      fileName: 'releve-bancaire.pdf',
      title: 'Relevé de compte',
      lines: () => ['Relevé mensuel', 'Mouvements réguliers depuis plus d’un an'],
    },
    {
      kind: 'personal',
      fileName: 'attestation-domiciliation.pdf',
      title: 'Attestation d’élection de domicile',
      lines: () => ['Organisme domiciliataire agréé', 'Domiciliation valable un an'],
    },
    {
      kind: 'personal',
      fileName: 'bulletin-salaire.pdf',
      title: 'Bulletin de salaire',
      lines: () => ['Période : mars', 'Net à payer : 1 248,12 €'],
    },
    {
      kind: 'personal',
      fileName: 'facture-telephone.pdf',
      title: 'Facture téléphone mobile',
      lines: () => ['Forfait mensuel 9,99 €', 'Abonné depuis plus d’un an'],
    },
  ],
};

/** How many documents a person sends for a piece when filling the form. */
const COUNT_WEIGHTS: Record<FilePieceCode, readonly (readonly [number, number])[]> = {
  JUSTIFICATIF_NATIONALITE: [[1, 1]],
  JUSTIFICATIF_IDENTITE: [[1, 1]],
  JUSTIFICATIF_ENTREE_REGULIERE: [[1, 1]],
  JUSTIFICATIF_DOMICILE: [[1, 1]],
  JUSTIFICATIF_RESIDENCE_HABITUELLE: [
    [1, 1],
    [2, 1],
  ],
};

const HEADER_COLORS: readonly Rgb[] = [
  [0, 0, 145],
  [22, 101, 52],
  [153, 27, 27],
  [87, 83, 78],
  [180, 83, 9],
];

function renderScan(scan: Scan): Uint8Array {
  const rng = new Rng('document', scan.fileName);
  const canvas = new Canvas(360, 230, [250, 249, 245]);
  canvas.fillRect(0, 0, 360, 34, rng.pick(HEADER_COLORS));
  canvas.text(10, 10, scan.title.slice(0, 28), [255, 255, 255], 2);
  if (scan.photo) {
    canvas.fillRect(12, 48, 70, 88, [205, 210, 220]);
    canvas.fillRect(32, 62, 30, 30, [150, 155, 170]);
    canvas.fillRect(24, 96, 46, 40, [150, 155, 170]);
  }
  const left = scan.photo ? 96 : 12;
  canvas.text(left, 52, scan.holder, [20, 20, 20], 2);
  for (const [i, line] of scan.lines.entries()) canvas.text(left, 76 + i * 16, line.slice(0, 40), [60, 60, 60], 1);
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

/** A rendered document not written yet, under the name FileStore reads: its SHA-256. */
export type UnwrittenDocument = { sha256: string; bytes: Uint8Array };

/**
 * Writes documents in the file store's folder. Unlike FileStore.put (temporary name, fsync, rename:
 * what a real upload needs), no fsync and no rename: ten times faster for tens of thousands of
 * files, and a crash during a seed only spoils a demo.
 */
export function writeDocuments(filesDir: string, documents: readonly UnwrittenDocument[]): void {
  for (const { sha256, bytes } of documents) {
    try {
      writeFileSync(join(filesDir, sha256), bytes, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const paperKey = (holder: Holder, what: string) => `${what}|${holder.key}`;
const withCompanions = (template: Template): Template[] =>
  template.kind === 'personal' ? [template, ...(template.companions ?? [])] : [template];

/**
 * Renders each document the first time it is asked for, for its owner to write (takeUnwritten);
 * then hands out the same reference. The same person always gets the same papers, in the same order.
 */
export class DocumentShelf {
  private readonly stored = new Map<string, StoredDocument>();
  /** By holder key, then piece: the holder's key string is the same object for all of a dossier's lookups, its hash computed once. */
  private readonly papers = new Map<string, Map<FilePieceCode, Papers>>();
  private unwritten: UnwrittenDocument[] = [];

  constructor(private readonly createdAt: Date) {}

  /** The documents rendered since the last call, to write before any row refers to them. */
  takeUnwritten(): UnwrittenDocument[] {
    const documents = this.unwritten;
    this.unwritten = [];
    return documents;
  }

  /** Chooses some of the holder's papers by file name, before any is asked for (the demo applicant's own). */
  pin(holder: Holder, choices: Partial<Record<FilePieceCode, readonly string[]>>): void {
    for (const [code, fileNames] of Object.entries(choices) as [FilePieceCode, readonly string[]][]) {
      const templates = fileNames.map((name) => TEMPLATES[code].find((t) => t.fileName === name)!);
      this.papersByPiece(holder).set(code, { originals: templates.flatMap(withCompanions).map((t) => this.get(t, holder)), spares: [] });
    }
  }

  /** What the holder uploads for `code` while filling the form. */
  originals(holder: Holder, code: FilePieceCode): StoredDocument[] {
    return this.papersOf(holder, code).originals;
  }

  /** A document sent in answer to a complement request: one not attached yet, if the holder has any left. */
  replacement(holder: Holder, code: FilePieceCode, attached: ReadonlySet<string>): StoredDocument {
    const { originals, spares } = this.papersOf(holder, code);
    // Rendered and stored only when a dossier answers with it: the store holds no document nobody sent.
    return spares.map((t) => this.get(t, holder)).find((doc) => !attached.has(doc.sha256)) ?? originals[0]!;
  }

  private papersByPiece(holder: Holder): Map<FilePieceCode, Papers> {
    let byPiece = this.papers.get(holder.key);
    if (!byPiece) {
      byPiece = new Map();
      this.papers.set(holder.key, byPiece);
    }
    return byPiece;
  }

  private papersOf(holder: Holder, code: FilePieceCode): Papers {
    const byPiece = this.papersByPiece(holder);
    let papers = byPiece.get(code);
    if (!papers) {
      const rng = new Rng('papers', paperKey(holder, code));
      const order = rng.shuffle(TEMPLATES[code]);
      const count = rng.weighted(COUNT_WEIGHTS[code]);
      papers = {
        originals: order
          .slice(0, count)
          .flatMap(withCompanions)
          .map((t) => this.get(t, holder)),
        // The next one only: every dossier of this name answers with the same document.
        spares: order.slice(count, count + 1),
      };
      byPiece.set(code, papers);
    }
    return papers;
  }

  private get(template: Template, holder: Holder): StoredDocument {
    const key = template.kind === 'personal' ? paperKey(holder, template.fileName) : template.fileName;
    let doc = this.stored.get(key);
    if (!doc) {
      const bytes =
        template.kind === 'personal'
          ? renderPdf({
              title: template.title,
              holder: holder.name,
              lines: template.lines(holder),
              photo: template.photo,
              createdAt: this.createdAt,
            })
          : renderScan(template);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.unwritten.push({ sha256, bytes });
      doc = {
        sha256,
        size: bytes.byteLength,
        detectedType: template.kind === 'personal' ? 'application/pdf' : 'image/png',
        originalName: template.fileName,
      };
      this.stored.set(key, doc);
    }
    return doc;
  }

  /** What names each distinct document stored: two shelves stored the same one when they have its key. */
  keys(): string[] {
    return [...this.stored.keys()];
  }
}
