import {
  ACCEPTED_FILE_TYPES,
  ACCEPTED_FORMATS_LABEL,
  type AcceptedMime,
  FILE_TOO_LARGE_MESSAGE,
  isAcceptedMime,
  MAX_FILE_BYTES,
} from '@em/domain';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, HttpError } from '../../http/errors.js';

/** A checked upload: its type comes from its content (magic bytes), never from its name or declared type. */
export type CheckedUpload = { bytes: Uint8Array; mime: AcceptedMime; name: string };

export async function checkUpload(file: File): Promise<CheckedUpload> {
  if (file.size === 0) throw badRequest('Le fichier est vide.');
  if (file.size > MAX_FILE_BYTES) throw new HttpError(413, FILE_TOO_LARGE_MESSAGE);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime === 'image/x-ms-bmp' ? 'image/bmp' : detected?.mime;
  if (!mime || !isAcceptedMime(mime)) {
    throw new HttpError(
      415,
      `Format non accepté : le contenu de « ${cleanBaseName(file.name)} » n'est pas un fichier ${ACCEPTED_FORMATS_LABEL}${detected ? ` (type détecté : ${detected.ext})` : ''}.`,
    );
  }
  return { bytes, mime, name: sanitizeFileName(file.name, ACCEPTED_FILE_TYPES[mime].extension) };
}

/**
 * Keeps only a readable base name, never a path: directories, control and reserved characters
 * go, the length is capped, and the extension is the one of the detected type.
 */
export function sanitizeFileName(original: string, extension: string): string {
  const stem = cleanBaseName(original)
    .replace(/\.[^.]*$/, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 100);
  return `${stem || 'document'}.${extension}`;
}

/**
 * The last path segment only, without reserved characters nor invisible ones: control
 * characters (Cc), formatting ones (Cf: the bidirectional overrides and isolates U+202A–U+202E,
 * U+2066–U+2069, the marks U+200E/U+200F, zero-width characters) and line or paragraph
 * separators. « facture\u202Efdp.exe » would otherwise read « factureexe.pdf » to an agent.
 */
function cleanBaseName(original: string): string {
  return (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"|?*]/gu, '')
    .slice(0, 120);
}
