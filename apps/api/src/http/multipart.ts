import { badRequest, HttpError } from './errors.js';

const HEADERS_END = Buffer.from('\r\n\r\n');
const MAX_PART_HEADERS_BYTES = 16 * 1024;
const unreadable = () => badRequest('Corps de requête illisible : formulaire multipart attendu.');

type FilePart = { filename: string };
type Options = {
  /** The form field that carries the file. */
  field: string;
  /** Everything read of the body, framing and other fields included; past it, 413 with `message`. */
  maxBodyBytes: number;
  message: string;
  /** Each piece of the file as it arrives; the next is read only once this one is handled. */
  onData: (chunk: Buffer, part: FilePart) => Promise<void>;
};

function boundaryOf(contentType: string): string {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw unreadable();
  return boundary;
}

/** Browsers escape a quote and line breaks of a file name as %22, %0A and %0D. */
function partOf(headers: string): { name: string; filename: string | null } {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw unreadable();
  const unescaped = (value: string) => value.replace(/%22/g, '"').replace(/%0A/gi, '\n').replace(/%0D/gi, '\r');
  return { name: unescaped(name), filename: filename === undefined ? null : unescaped(filename) };
}

/**
 * Reads a multipart/form-data body as it arrives and hands the bytes of the first file sent as
 * `field` to `onData`; other fields are read and dropped. Only the chunk being handled and a
 * boundary's length are ever held in memory. Null when the body holds no such file.
 */
export async function readFilePart(body: ReadableStream<Uint8Array>, contentType: string, options: Options): Promise<FilePart | null> {
  const delimiter = Buffer.from(`\r\n--${boundaryOf(contentType)}`);
  const keep = delimiter.length - 1;
  const reader = body.getReader();
  // The first delimiter has no line break before it: one is added so that every delimiter looks alike.
  let buffer: Buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'delimited' | 'headers' | 'content' = 'preamble';
  let part: { name: string; filename: string | null } | null = null;
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      read += value.byteLength;
      if (read > options.maxBodyBytes) throw new HttpError(413, options.message);
      buffer = buffer.length > 0 ? Buffer.concat([buffer, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      for (;;) {
        if (state === 'preamble' || state === 'content') {
          const at = buffer.indexOf(delimiter);
          const isFile = state === 'content' && part?.name === options.field && part.filename !== null;
          const upTo = at === -1 ? Math.max(0, buffer.length - keep) : at;
          if (isFile && upTo > 0) await options.onData(buffer.subarray(0, upTo), { filename: part!.filename! });
          if (at === -1) {
            buffer = buffer.subarray(upTo);
            break;
          }
          if (isFile) return { filename: part!.filename! };
          buffer = buffer.subarray(at + delimiter.length);
          state = 'delimited';
        } else if (state === 'delimited') {
          if (buffer.length < 2) break;
          const next = buffer.subarray(0, 2).toString('latin1');
          if (next === '--') return null;
          if (next !== '\r\n') throw unreadable();
          buffer = buffer.subarray(2);
          state = 'headers';
        } else {
          const end = buffer.indexOf(HEADERS_END);
          if (end === -1) {
            if (buffer.length > MAX_PART_HEADERS_BYTES) throw unreadable();
            break;
          }
          part = partOf(buffer.subarray(0, end).toString('utf8'));
          buffer = buffer.subarray(end + HEADERS_END.length);
          state = 'content';
        }
      }
    }
  } finally {
    // Whatever follows the file (or an aborted body) is not read.
    await reader.cancel().catch(() => undefined);
  }
}
