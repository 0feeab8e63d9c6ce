/** What the portal accepts, checked on the content (magic bytes), never on the name alone. */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'image/jpeg': { extension: 'jpg', label: 'Image JPEG' },
  'image/png': { extension: 'png', label: 'Image PNG' },
  'image/bmp': { extension: 'bmp', label: 'Image BMP' },
  'image/tiff': { extension: 'tiff', label: 'Image TIFF' },
} as const;
export type AcceptedMime = keyof typeof ACCEPTED_FILE_TYPES;
export const ACCEPTED_EXTENSIONS = ['.jpg', '.jpeg', '.pdf', '.png', '.bmp', '.tif', '.tiff'] as const;
/** « jpg, pdf, png, bmp, tiff », as the guide lists them. */
export const ACCEPTED_FORMATS_LABEL = 'jpg, pdf, png, bmp, tiff';

export function isAcceptedMime(mime: string): mime is AcceptedMime {
  return Object.hasOwn(ACCEPTED_FILE_TYPES, mime);
}

/** « PDF », « Image PNG »…; an unexpected type is shown as it is. */
export function fileTypeLabel(mime: string): string {
  return isAcceptedMime(mime) ? ACCEPTED_FILE_TYPES[mime].label : mime;
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 512 o », « 850 Ko », « 1,2 Mo » (1 Ko = 1 024 octets). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} Ko`;
  return `${decimal.format(bytes / (1024 * 1024))} Mo`;
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** « 10 Mo » */
export const MAX_FILE_SIZE_LABEL = formatFileSize(MAX_FILE_BYTES);
export const FILE_TOO_LARGE_MESSAGE = `Le fichier dépasse ${MAX_FILE_SIZE_LABEL}.`;

/**
 * What one dossier's files may weigh together, deposit and complements included: room for every
 * piece's usual scans (a few Mo each), not for filling the préfecture's disk.
 */
export const MAX_DOSSIER_BYTES = 100 * 1024 * 1024;
export const DOSSIER_FULL_MESSAGE = `Vos documents pour cette demande atteignent ${formatFileSize(MAX_DOSSIER_BYTES)}, le maximum : supprimez-en un avant d'en joindre un autre.`;
/** When what is left of the dossier's room is less than a whole file's limit. */
export const dossierRoomMessage = (room: number) =>
  `Ce document dépasse la place qui reste pour cette demande (${formatFileSize(room)} sur ${formatFileSize(MAX_DOSSIER_BYTES)}) : supprimez un document ou joignez-en un plus léger.`;
