import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_FILE_TYPES,
  FILE_TOO_LARGE_MESSAGE,
  fileTypeLabel,
  formatFileSize,
  MAX_FILE_BYTES,
  MAX_FILE_SIZE_LABEL,
} from './files.js';

describe('accepted files', () => {
  it('extensions, types and 10 Mo', () => {
    expect([...ACCEPTED_EXTENSIONS].sort()).toEqual(['.bmp', '.jpeg', '.jpg', '.pdf', '.png', '.tif', '.tiff']);
    expect(Object.keys(ACCEPTED_FILE_TYPES).sort()).toEqual(['application/pdf', 'image/bmp', 'image/jpeg', 'image/png', 'image/tiff']);
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_FILE_SIZE_LABEL).toBe('10 Mo');
    expect(FILE_TOO_LARGE_MESSAGE).toBe('Le fichier dépasse 10 Mo.');
  });

  it('names each type in French, and shows an unexpected one as it is', () => {
    expect(fileTypeLabel('application/pdf')).toBe('PDF');
    expect(fileTypeLabel('image/tiff')).toBe('Image TIFF');
    expect(fileTypeLabel('text/html')).toBe('text/html');
  });
});

describe('file sizes', () => {
  it('in octets, Ko and Mo, with a French decimal comma', () => {
    expect(formatFileSize(512)).toBe('512 o');
    expect(formatFileSize(1024)).toBe('1 Ko');
    expect(formatFileSize(1234)).toBe('1,2 Ko');
    expect(formatFileSize(850 * 1024)).toBe('850 Ko');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1,3 Mo');
    expect(formatFileSize(MAX_FILE_BYTES)).toBe('10 Mo');
  });

  it('nothing for a size that cannot be one', () => {
    expect(formatFileSize(-1)).toBe('');
    expect(formatFileSize(Number.NaN)).toBe('');
  });
});
