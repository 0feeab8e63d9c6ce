import type { StoredFile } from '@em/contract';
import { API_URL } from '../dataProvider';

export type ViewerKind = 'pdf' | 'image' | 'download';

/** How the browser can show it: PDF inline, PNG/JPEG/BMP as images, TIFF (and anything else) only downloaded. */
export function viewerKind(mime: string): ViewerKind {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/png' || mime === 'image/jpeg' || mime === 'image/bmp') return 'image';
  return 'download';
}

/** Only a same-origin API path is ever put in a src or href. */
export function fileUrl(file: Pick<StoredFile, 'id' | 'url'>): string {
  if (typeof file.url === 'string' && file.url.startsWith('/') && !file.url.startsWith('//')) return file.url;
  return `${API_URL}/files/${encodeURIComponent(String(file.id))}/content`;
}
