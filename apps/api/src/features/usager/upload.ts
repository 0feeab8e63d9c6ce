import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { FileStore } from '@em/db';
import { ACCEPTED_FILE_TYPES, ACCEPTED_FORMATS_LABEL, type AcceptedMime, isAcceptedMime } from '@em/domain';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, HttpError } from '../../http/errors.js';
import { readFilePart } from '../../http/multipart.js';

/** What file-type reads to recognise every accepted format. */
const SNIFF_BYTES = 4100;
/** Multipart framing and a field or two around the file. */
const FRAMING_BYTES = 64 * 1024;
const NO_FILE = 'Aucun fichier reçu : choisissez un document à joindre.';

/**
 * An upload received into a fsynced temporary file of the store, checked: its type comes from its
 * content (magic bytes), never from its name or declared type. Adopt it or discard it.
 */
export type ReceivedUpload = {
  temporary: string;
  sha256: string;
  size: number;
  mime: AcceptedMime;
  name: string;
  /** Removes the temporary file if it was not adopted; safe to call twice. */
  discard: () => Promise<void>;
};

async function sniff(head: Buffer, filename: string): Promise<AcceptedMime> {
  const detected = await fileTypeFromBuffer(head);
  const mime = detected?.mime === 'image/x-ms-bmp' ? 'image/bmp' : detected?.mime;
  if (mime && isAcceptedMime(mime)) return mime;
  throw new HttpError(
    415,
    `Format non accepté : le contenu de « ${cleanBaseName(filename)} » n'est pas un fichier ${ACCEPTED_FORMATS_LABEL}${detected ? ` (type détecté : ${detected.ext})` : ''}.`,
  );
}

/**
 * Streams the request's file to a temporary file of the store, hashing it on the way; its head is
 * sniffed as soon as it has arrived. Past `limit.bytes` (10 Mo, or what is left of the quota) it
 * stops reading and answers 413; nothing of a refused upload stays on disk.
 */
export async function receiveUpload(
  request: Request,
  store: FileStore,
  limit: { bytes: number; message: string },
): Promise<ReceivedUpload> {
  if (!request.body) throw badRequest(NO_FILE);
  const temporary = store.temporaryPath();
  const discard = () => rm(temporary, { force: true });
  const handle = await open(temporary, 'wx');
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let mime: AcceptedMime | undefined;
  try {
    const part = await readFilePart(request.body, request.headers.get('content-type') ?? '', {
      field: 'file',
      maxBodyBytes: limit.bytes + FRAMING_BYTES,
      message: limit.message,
      onData: async (chunk, { filename }) => {
        size += chunk.byteLength;
        if (size > limit.bytes) throw new HttpError(413, limit.message);
        hash.update(chunk);
        if (!mime) {
          head.push(Buffer.from(chunk));
          if (size >= SNIFF_BYTES) mime = await sniff(Buffer.concat(head), filename);
        }
        await handle.write(chunk);
      },
    });
    if (!part) throw badRequest(NO_FILE);
    if (size === 0) throw badRequest('Le fichier est vide.');
    mime ??= await sniff(Buffer.concat(head), part.filename);
    await handle.sync();
    await handle.close();
    const name = sanitizeFileName(part.filename, ACCEPTED_FILE_TYPES[mime].extension);
    return { temporary, sha256: hash.digest('hex'), size, mime, name, discard };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await discard();
    throw error;
  }
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
