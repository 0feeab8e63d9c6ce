import {
  depotRequestSchema,
  informationsPersonnellesRequestSchema,
  justificatifsRequestSchema,
  motifRequestSchema,
  situationRequestSchema,
} from '@em/contract';
import { FILE_TOO_LARGE_MESSAGE, MAX_FILE_BYTES } from '@em/domain';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.js';
import { uploadBody } from '../../http/body-limit.js';
import { badRequest, notFound } from '../../http/errors.js';
import { parseId } from '../../http/react-admin.js';
import { parseOrRefuse, validateForm } from '../../http/validate.js';
import { receiveUpload } from '../usager/upload.js';
import { searchCommunes } from './communes.js';
import { depositDraft, receiptDataOf } from './deposit.js';
import {
  abandonDraft,
  currentDraft,
  ownDossier,
  ownDraft,
  parisToday,
  prefectureOfInsee,
  saveInformationsPersonnelles,
  saveJustificatifs,
  saveMotif,
  startDraft,
} from './draft.js';
import { addDraftFile, checkDraftPiece, draftFileUrl, removeDraftFile } from './draft-files.js';
import { draftView } from './draft-view.js';
import { renderReceipt } from './receipt.js';

// Multipart framing adds a little around what a file may weigh.
const uploadLimit = uploadBody(MAX_FILE_BYTES + 64 * 1024, FILE_TOO_LARGE_MESSAGE);
const jsonOf = (c: { req: { json: () => Promise<unknown> } }) => c.req.json().catch(() => ({}));

/** /api/usager/demandes: the téléprocédure's six steps, on the applicant's own pré-demande only. */
export function demandeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const me = (c: { var: { applicant: { id: number } } }) => c.var.applicant.id;
  const view = (applicantId: number, id: number) => draftView(deps.db, ownDossier(deps.db, applicantId, id));

  app.get('/brouillon', (c) => {
    const draft = currentDraft(deps.db, me(c));
    if (!draft) throw notFound("Vous n'avez pas de demande en cours de saisie.");
    return c.json(draftView(deps.db, draft));
  });

  // Step 1 « Votre situation »: starts the pré-demande (or returns the one in progress).
  app.post('/', validateForm('json', situationRequestSchema), (c) => {
    const before = currentDraft(deps.db, me(c));
    const draft = startDraft(deps, me(c));
    return c.json(draftView(deps.db, draft), before ? 200 : 201);
  });

  app.get('/:id', (c) => c.json(view(me(c), parseId(c.req.param('id')))));

  app.put('/:id/informations-personnelles', async (c) => {
    const id = parseId(c.req.param('id'));
    ownDraft(deps.db, me(c), id);
    const data = parseOrRefuse(informationsPersonnellesRequestSchema(parisToday(deps.now())), await jsonOf(c));
    const { inseeCode } = data.adresse;
    if (!prefectureOfInsee(deps.db, inseeCode)) {
      const message = `Code INSEE : aucune préfecture ne correspond au code ${inseeCode}. Vérifiez-le, ou choisissez votre commune dans la liste.`;
      throw badRequest(message, { 'adresse.inseeCode': message });
    }
    saveInformationsPersonnelles(deps, me(c), id, data);
    return c.json(view(me(c), id));
  });

  app.put('/:id/motif', async (c) => {
    const id = parseId(c.req.param('id'));
    const draft = ownDraft(deps.db, me(c), id);
    const birth = draft.birthYear ? { birthYear: draft.birthYear, birthMonth: draft.birthMonth, birthDay: draft.birthDay } : null;
    saveMotif(deps, me(c), id, parseOrRefuse(motifRequestSchema({ today: parisToday(deps.now()), birth }), await jsonOf(c)));
    return c.json(view(me(c), id));
  });

  app.put('/:id/justificatifs', validateForm('json', justificatifsRequestSchema), (c) => {
    const id = parseId(c.req.param('id'));
    saveJustificatifs(deps, me(c), id, c.req.valid('json').ephoto);
    return c.json(view(me(c), id));
  });

  app.post('/:id/pieces/:code/fichiers', uploadLimit, async (c) => {
    const id = parseId(c.req.param('id'));
    // Ownership, state, count and room are checked before a byte of the upload is read.
    const { room } = checkDraftPiece(deps.db, me(c), id, c.req.param('code'));
    const upload = await receiveUpload(c.req.raw, deps.store, room);
    const file = await addDraftFile(deps, me(c), id, c.req.param('code'), upload);
    return c.json(
      {
        id: file.id,
        originalName: file.originalName,
        size: file.size,
        detectedType: file.detectedType,
        uploadedAt: file.uploadedAt.toISOString(),
        url: draftFileUrl(file.id),
      },
      201,
    );
  });

  app.delete('/:id/fichiers/:fileId', (c) => {
    removeDraftFile(deps, me(c), parseId(c.req.param('id')), parseId(c.req.param('fileId')));
    return c.body(null, 204);
  });

  app.post('/:id/abandon', (c) => {
    abandonDraft(deps, me(c), parseId(c.req.param('id')));
    return c.json(view(me(c), parseId(c.req.param('id'))));
  });

  app.post('/:id/depot', validateForm('json', depotRequestSchema), async (c) => {
    const deposit = await depositDraft(deps, me(c), parseId(c.req.param('id')), c.req.valid('json').observations);
    return c.json(deposit);
  });

  // « J'ouvre ma confirmation de dépôt de demande (PDF) »
  app.get('/:id/recu', async (c) => {
    const dossier = ownDossier(deps.db, me(c), parseId(c.req.param('id')));
    if (!dossier.numero || !dossier.depositedAt) throw notFound("Aucune confirmation de dépôt : cette demande n'a pas encore été déposée.");
    // Dossiers deposited before receipts were stored get theirs made on request.
    const content = dossier.receiptSha256 ? deps.store.read(dossier.receiptSha256) : await renderReceipt(receiptDataOf(dossier));
    const name = `confirmation-depot-${dossier.numero}.pdf`;
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/pdf',
      'Content-Length': String(content.byteLength),
      'Content-Disposition': `inline; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  return app;
}

/** /api/usager/communes?q=: the official list searched on the server, at most 20 answers. */
export function communeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => c.json(await searchCommunes(c.req.query('q') ?? '')));
  return app;
}
