import { schema } from '@em/db';
import { DOSSIER_FULL_MESSAGE, FILE_TOO_LARGE_MESSAGE, MAX_DOSSIER_BYTES, MAX_FILE_BYTES } from '@em/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complementRequested, createHarness, type Harness, ORIGIN, PDF_BYTES, uploadFile } from '../../testing/harness.js';
import { applicantWithDraft, uploadTo } from '../demande/testing.js';
import { postUpload, storeSnapshot, watchedUpload } from './testing.js';

const { STORED_PIECE_CODES } = schema;

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const TEN_MO = MAX_FILE_BYTES;
const HTML = new TextEncoder().encode('<!doctype html><html><body>pas un document</body></html>');
/** What a refusal made before reading may still have pulled: the stream's first chunks. */
const BEFORE_READING = 2 * 64 * 1024;

function fakeFile(pieceId: number, size: number) {
  h.db.$client
    .prepare(
      "insert into files (piece_id, sha256, size, detected_type, original_name, uploaded_at) values (?, unhex(?), ?, 'pdf', 'ancien.pdf', 0)",
    )
    .run(pieceId, 'f'.repeat(64), size);
}

describe('a refused upload', () => {
  it('leaves the files folder and the files table as they were: ten refused 10 Mo uploads and more', async () => {
    const mine = await complementRequested(h);
    const drafter = await applicantWithDraft(h, 'brouillon@x.fr');
    const stranger = await applicantWithDraft(h, 'voisin@x.fr');
    for (let i = 0; i < 2; i++) expect((await uploadTo(h, drafter.cookie, drafter.id, 'JUSTIFICATIF_IDENTITE')).status).toBe(201);
    const deposited = await applicantWithDraft(h, 'depose@x.fr');
    h.db.$client.prepare("update dossiers set status = 'deposee' where id = ?").run(deposited.id);
    const strangerPiece = (
      h.db.$client
        .prepare('select id from pieces where dossier_id = ? and code = ?')
        .get(stranger.id, STORED_PIECE_CODES.JUSTIFICATIF_IDENTITE) as {
        id: number;
      }
    ).id;
    const before = storeSnapshot(h);

    const complement = (pieceId: number) => `/api/usager/pieces/${pieceId}/files`;
    const draft = (id: number, code: string) => `/api/usager/demandes/${id}/pieces/${code}/fichiers`;
    const cases: [string, string, string | undefined, number, number][] = [
      ['no session', complement(mine.pieceIds.JUSTIFICATIF_IDENTITE!), undefined, 401, BEFORE_READING],
      ['another applicant’s piece', complement(strangerPiece), mine.usager, 404, BEFORE_READING],
      ['a piece not asked for', complement(mine.pieceIds.JUSTIFICATIF_DOMICILE!), mine.usager, 409, BEFORE_READING],
      ['the e-photo piece', complement(mine.pieceIds.EPHOTO!), mine.usager, 409, BEFORE_READING],
      ['more than 10 Mo', complement(mine.pieceIds.JUSTIFICATIF_IDENTITE!), mine.usager, 413, TEN_MO + BEFORE_READING],
      ['a web page', complement(mine.pieceIds.JUSTIFICATIF_IDENTITE!), mine.usager, 415, BEFORE_READING],
      ['another applicant’s draft', draft(stranger.id, 'JUSTIFICATIF_IDENTITE'), drafter.cookie, 404, BEFORE_READING],
      ['a piece that does not exist', draft(drafter.id, 'INCONNU'), drafter.cookie, 404, BEFORE_READING],
      ['a piece beyond its file count', draft(drafter.id, 'JUSTIFICATIF_IDENTITE'), drafter.cookie, 409, BEFORE_READING],
      ['a draft already deposited', draft(deposited.id, 'JUSTIFICATIF_DOMICILE'), deposited.cookie, 409, BEFORE_READING],
    ];
    for (const [what, path, cookie, status, mostRead] of cases) {
      const head = what === 'a web page' ? HTML : PDF_BYTES;
      const { stream, watch } = watchedUpload(head, what === 'more than 10 Mo' ? TEN_MO + 1 : TEN_MO);
      const response = await postUpload(h, path, stream, cookie);
      expect(response.status, what).toBe(status);
      expect((await response.json()).message, what).toMatch(/\w/);
      expect(watch.read, what).toBeLessThanOrEqual(mostRead);
    }

    h.db.$client.prepare("update dossiers set status = 'cloturee_incomplete' where id = ?").run(mine.dossier.id);
    const closed = await postUpload(
      h,
      complement(mine.pieceIds.JUSTIFICATIF_IDENTITE!),
      watchedUpload(PDF_BYTES, TEN_MO).stream,
      mine.usager,
    );
    expect(closed.status).toBe(409);

    expect(storeSnapshot(h)).toEqual(before);
  });

  it('answers 413 in French past 10 Mo, having read no more than that, and keeps no temporary file', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const before = storeSnapshot(h);
    const { stream, watch } = watchedUpload(PDF_BYTES, 3 * TEN_MO);
    const response = await postUpload(h, `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`, stream, usager);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: FILE_TOO_LARGE_MESSAGE });
    expect(watch.read).toBeLessThanOrEqual(TEN_MO + BEFORE_READING);
    expect(storeSnapshot(h)).toEqual(before);
  });

  it('recognises the type from the head of the stream, and refuses a disguised file before reading the rest', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const { stream, watch } = watchedUpload(HTML, TEN_MO, 'scan.pdf');
    const response = await postUpload(h, `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`, stream, usager);
    expect(response.status).toBe(415);
    expect((await response.json()).message).toMatch(/^Format non accepté : le contenu de « scan\.pdf »/);
    expect(watch.read).toBeLessThanOrEqual(BEFORE_READING);
  });

  it('answers 400 in French to a body that is not a form, or a form without a file', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const url = `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`;
    const headers = { Cookie: usager, Origin: ORIGIN };
    const json = await h.app.request(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect((await json.json()).message).toBe('Corps de requête illisible : formulaire multipart attendu.');
    const form = new FormData();
    form.set('commentaire', 'sans fichier');
    const empty = await h.app.request(url, { method: 'POST', headers, body: form });
    expect(empty.status).toBe(400);
    expect((await empty.json()).message).toBe('Aucun fichier reçu : choisissez un document à joindre.');
    expect(storeSnapshot(h).folder.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('stores a 10 Mo file whole, under its checksum', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const { stream } = watchedUpload(PDF_BYTES, TEN_MO);
    const response = await postUpload(h, `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`, stream, usager);
    expect(response.status).toBe(201);
    expect((await response.json()).size).toBe(TEN_MO);
    const row = h.db.$client.prepare('select lower(hex(sha256)) as sha256 from files order by id desc limit 1').get() as { sha256: string };
    expect(h.store.read(row.sha256).byteLength).toBe(TEN_MO);
    expect(storeSnapshot(h).folder.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });
});

describe('two uploads racing for the last place of a piece', () => {
  it('are both let in, checked again when stored: one is kept, the other refused and gone from the disk', async () => {
    const { pieceIds, usager } = await complementRequested(h);
    const url = `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`;
    for (const name of ['un.pdf', 'deux.pdf'])
      expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, name)).status).toBe(201);
    const before = storeSnapshot(h);
    const head = (n: number) => new TextEncoder().encode(`%PDF-1.4\n% course ${n}\n`);
    const responses = await Promise.all([1, 2].map((n) => postUpload(h, url, watchedUpload(head(n), 2 * 1024 * 1024).stream, usager)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = storeSnapshot(h);
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(after.folder).toHaveLength(before.folder.length + 1);
  });
});

describe('the room of a dossier', () => {
  it(`is ${MAX_DOSSIER_BYTES / 1024 / 1024} Mo: an upload that would pass it stops where the room ends, a full dossier reads nothing`, async () => {
    const { pieceIds, usager } = await complementRequested(h);
    fakeFile(pieceIds.JUSTIFICATIF_NATIONALITE!, MAX_DOSSIER_BYTES - 4 * 1024 * 1024);
    const before = storeSnapshot(h);
    const url = `/api/usager/pieces/${pieceIds.JUSTIFICATIF_IDENTITE}/files`;

    const tooBig = watchedUpload(PDF_BYTES, 6 * 1024 * 1024);
    const refused = await postUpload(h, url, tooBig.stream, usager);
    expect(refused.status).toBe(413);
    expect((await refused.json()).message).toMatch(/^Ce document dépasse la place qui reste pour cette demande \(4 Mo sur 100 Mo\)/);
    expect(tooBig.watch.read).toBeLessThanOrEqual(4 * 1024 * 1024 + BEFORE_READING);
    expect(storeSnapshot(h)).toEqual(before);

    expect((await uploadFile(h, usager, pieceIds.JUSTIFICATIF_IDENTITE!, PDF_BYTES, 'petit.pdf')).status).toBe(201);

    fakeFile(pieceIds.JUSTIFICATIF_DOMICILE!, 4 * 1024 * 1024);
    const full = watchedUpload(PDF_BYTES, 1024);
    const none = await postUpload(h, url, full.stream, usager);
    expect(none.status).toBe(413);
    expect(await none.json()).toEqual({ message: DOSSIER_FULL_MESSAGE });
    expect(full.watch.read).toBe(0);
  });

  it('counts the draft’s files too', async () => {
    const { cookie, id } = await applicantWithDraft(h, 'brouillon@x.fr');
    const piece = h.db.$client
      .prepare('select id from pieces where dossier_id = ? and code = ?')
      .get(id, STORED_PIECE_CODES.JUSTIFICATIF_DOMICILE) as {
      id: number;
    };
    fakeFile(piece.id, MAX_DOSSIER_BYTES);
    const response = await uploadTo(h, cookie, id, 'JUSTIFICATIF_IDENTITE');
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: DOSSIER_FULL_MESSAGE });
  });
});
