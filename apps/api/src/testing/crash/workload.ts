import { type Db, STORED_EVENT_ACTIONS } from '@em/db';

type Database = Db['$client'];

/**
 * What the API acknowledged (a 2xx), each with how to find it again in the database: after any
 * crash, every one must still be there.
 */
export type Ack = { what: string; present: (db: Database) => boolean };

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read loosely by the workload
type Json = Record<string, any>;
export type Client = { base: string; origin: string; acks: Ack[]; isStopped: () => boolean };

const PDF = (tag: string) => new TextEncoder().encode(`%PDF-1.4\n% ${tag} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const one = (db: Database, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Json | undefined;
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

/** A request that may meet a dead server: `null` then, as for any answer but a 2xx the caller did not expect. */
async function call(client: Client, cookie: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Origin: client.origin, ...(cookie ? { Cookie: cookie } : {}) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const response = await fetch(`${client.base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    if (process.env.CRASH_DEBUG && response.status >= 300) console.log(method, path, response.status, text.slice(0, 200));
    return {
      status: response.status,
      json: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null) as Json,
      response,
    };
  } catch {
    return null;
  }
}

async function login(client: Client, path: string, email: string, password: string): Promise<string | null> {
  const answer = await call(client, null, 'POST', path, { email, password });
  return answer?.status === 200 ? (answer.response.headers.get('set-cookie')?.split(';')[0] ?? null) : null;
}

function upload(tag: string) {
  const form = new FormData();
  form.set('file', new File([PDF(tag)], `${tag}.pdf`, { type: 'application/pdf' }));
  return form;
}

const PERSONAL = {
  etatCivil: {
    birthName: 'Crash',
    usageName: '',
    firstNames: ['Essai'],
    sex: 'F',
    birthDay: '2',
    birthMonth: '4',
    birthYear: '1990',
    birthCountry: 'Mexique',
    birthPlace: 'Mexico',
    nationalities: ['Mexique'],
  },
  adresse: {
    addressNumber: '20',
    addressStreet: 'Rue Nationale',
    addressComplement: '',
    postalCode: '59800',
    city: 'Lille',
    country: 'France',
    inseeCode: '59350',
  },
  contact: { email: '', phone: '0102030405' },
};
const MOTIF = {
  entryDate: '2020-03-10',
  familySituation: 'celibataire',
  unionDate: null,
  unionCountry: null,
  dependentChildren: false,
  attestNoPolygamy: true,
  attestPenalties: true,
};

/**
 * One applicant at a time, from the shared list of accounts: fills and deposits a pré-demande,
 * answers the préfecture's requests, and once the dossier is complete goes on with the next account.
 */
export async function applicantWorker(client: Client, accounts: string[], password: string) {
  let email = accounts.shift();
  let cookie: string | null = null;
  const ack = (what: string, present: Ack['present']) => client.acks.push({ what: `${email}: ${what}`, present });
  while (email && !client.isStopped()) {
    cookie ??= await login(client, '/api/usager/auth/login', email, password);
    if (!cookie) {
      await pause(200);
      continue;
    }
    const draft = await call(client, cookie, 'GET', '/api/usager/demandes/brouillon');
    if (!draft || draft.status === 401) {
      cookie = null;
      continue;
    }
    if (draft.status === 200) await advanceDraft(client, cookie, draft.json, ack);
    else if ((await answerComplements(client, cookie, ack)) === 'complete') {
      email = accounts.shift();
      cookie = null;
    }
    await pause(20);
  }
  if (email) accounts.unshift(email);
}

async function advanceDraft(client: Client, cookie: string, draft: Json, ack: (what: string, present: Ack['present']) => void) {
  const id = draft.id as number;
  const url = `/api/usager/demandes/${id}`;
  if (draft.lastSavedStep < 2) {
    if ((await call(client, cookie, 'PUT', `${url}/informations-personnelles`, PERSONAL))?.status === 200)
      ack(`step 2 of ${id}`, (db) => one(db, 'select last_saved_step as s from dossiers where id = ?', id)!.s >= 2);
  } else if (draft.lastSavedStep < 3) {
    if ((await call(client, cookie, 'PUT', `${url}/motif`, MOTIF))?.status === 200)
      ack(`step 3 of ${id}`, (db) => one(db, 'select last_saved_step as s from dossiers where id = ?', id)!.s >= 3);
  } else if (draft.lastSavedStep < 4) {
    const missing = (draft.pieces as Json[]).filter((p) => p.kind === 'files' && p.required && p.files.length === 0);
    for (const piece of missing) {
      const answer = await call(client, cookie, 'POST', `${url}/pieces/${piece.code}/fichiers`, upload(piece.code));
      if (answer?.status !== 201) return;
      const fileId = answer.json.id as number;
      ack(`draft file ${fileId}`, (db) => one(db, 'select 1 as x from files where id = ?', fileId) !== undefined);
    }
    // A wrong document, removed at once: acknowledged gone, row and content.
    const wrong = await call(client, cookie, 'POST', `${url}/pieces/JUSTIFICATIF_ENTREE_REGULIERE/fichiers`, upload('erreur'));
    if (wrong?.status === 201) {
      const fileId = wrong.json.id as number;
      if ((await call(client, cookie, 'DELETE', `${url}/fichiers/${fileId}`))?.status === 204)
        ack(`removal of ${fileId}`, (db) => one(db, 'select 1 as x from files where id = ?', fileId) === undefined);
    }
    if ((await call(client, cookie, 'PUT', `${url}/justificatifs`, { ephoto: 'ABCDEFGHIJ0123456789KL' }))?.status === 200)
      ack(`step 4 of ${id}`, (db) => one(db, 'select last_saved_step as s from dossiers where id = ?', id)!.s >= 4);
  } else {
    const deposit = await call(client, cookie, 'POST', `${url}/depot`, { observations: '' });
    if (deposit?.status === 200) {
      const numero = deposit.json.numero as string;
      ack(`deposit ${numero}`, (db) => one(db, 'select numero from dossiers where id = ?', id)?.numero === numero);
    }
  }
}

async function answerComplements(client: Client, cookie: string, ack: (what: string, present: Ack['present']) => void) {
  const dossier = await call(client, cookie, 'GET', '/api/usager/dossier');
  if (dossier?.status === 404) return startDraft(client, cookie, ack);
  if (dossier?.status !== 200) return;
  const { id, status } = dossier.json;
  if (status === 'complement_demande') {
    for (const piece of (dossier.json.pieces as Json[]).filter((p) => p.flagged && !p.answered && p.kind === 'files')) {
      const answer = await call(client, cookie, 'POST', `/api/usager/pieces/${piece.id}/files`, upload('complement'));
      if (answer?.status !== 201) return;
      const fileId = answer.json.id as number;
      ack(`complement file ${fileId}`, (db) => one(db, 'select 1 as x from files where id = ?', fileId) !== undefined);
    }
    if ((await call(client, cookie, 'POST', '/api/usager/dossier/complements'))?.status === 200)
      ack(
        `complements of ${id}`,
        (db) => one(db, 'select 1 as x from complement_requests where dossier_id = ? and answered_at is not null', id) !== undefined,
      );
  } else if (status === 'cloturee_incomplete' || status === 'abandonnee') await startDraft(client, cookie, ack);
  else if (status === 'complete') return 'complete';
  else await pause(100);
}

async function startDraft(client: Client, cookie: string, ack: (what: string, present: Ack['present']) => void) {
  const started = await call(client, cookie, 'POST', '/api/usager/demandes', { situation: 'etranger_malade' });
  if (started?.status === 201) {
    const id = started.json.id as number;
    ack(`draft ${id}`, (db) => one(db, 'select 1 as x from dossiers where id = ?', id) !== undefined);
  }
}

/** One agent of the Nord: takes what comes in, flags a piece and asks for it, declares complete what came back. */
export async function agentWorker(client: Client, email: string, password: string) {
  let cookie: string | null = null;
  const ack = (what: string, present: Ack['present']) => client.acks.push({ what: `${email}: ${what}`, present });
  const list = async (status: string) => {
    const answer = await call(client, cookie, 'GET', `/api/dossiers?filter=${encodeURIComponent(JSON.stringify({ status }))}&range=[0,19]`);
    if (answer?.status === 401) cookie = null;
    return answer?.status === 200 ? (answer.json as Json[]) : [];
  };
  while (!client.isStopped()) {
    cookie ??= await login(client, '/api/auth/login', email, password);
    if (!cookie) {
      await pause(200);
      continue;
    }
    const fresh = pick(await list('deposee'));
    if (fresh && (await call(client, cookie, 'POST', `/api/dossiers/${fresh.id}/take`, {}))?.status === 200)
      ack(
        `take ${fresh.id}`,
        (db) => one(db, 'select 1 as x from events where dossier_id = ? and action = ?', fresh.id, STORED_EVENT_ACTIONS.take) !== undefined,
      );
    const examined = pick(await list('en_examen'));
    if (examined) await reviewAndAsk(client, cookie, examined.id as number, ack);
    const answered = pick(await list('complement_recu'));
    if (answered) await declareComplete(client, cookie, answered.id as number, ack);
    await pause(20);
  }
}

async function reviewAndAsk(client: Client, cookie: string, dossierId: number, ack: (what: string, present: Ack['present']) => void) {
  const pieces = await call(client, cookie, 'GET', `/api/pieces?filter=${encodeURIComponent(JSON.stringify({ dossier_id: dossierId }))}`);
  if (pieces?.status !== 200) return;
  const identity = (pieces.json as Json[]).find((p) => p.code === 'JUSTIFICATIF_IDENTITE');
  if (!identity) return;
  const review = { review_status: 'illisible', review_message: 'Document illisible : joignez un scan net.' };
  if ((await call(client, cookie, 'PUT', `/api/pieces/${identity.id}`, review))?.status === 200)
    ack(
      `review on ${dossierId}`,
      (db) =>
        one(db, 'select 1 as x from events where dossier_id = ? and action = ?', dossierId, STORED_EVENT_ACTIONS.review_piece) !==
        undefined,
    );
  const request = await call(client, cookie, 'POST', `/api/dossiers/${dossierId}/complement-request`, {});
  if (request?.status === 200)
    ack(
      `complement request on ${dossierId}`,
      (db) => one(db, 'select 1 as x from complement_requests where dossier_id = ?', dossierId) !== undefined,
    );
}

async function declareComplete(client: Client, cookie: string, dossierId: number, ack: (what: string, present: Ack['present']) => void) {
  const pieces = await call(client, cookie, 'GET', `/api/pieces?filter=${encodeURIComponent(JSON.stringify({ dossier_id: dossierId }))}`);
  if (pieces?.status !== 200) return;
  for (const piece of pieces.json as Json[]) {
    if ((await call(client, cookie, 'PUT', `/api/pieces/${piece.id}`, { review_status: 'conforme', review_message: '' }))?.status !== 200)
      return;
  }
  if ((await call(client, cookie, 'POST', `/api/dossiers/${dossierId}/complete`, {}))?.status === 200)
    ack(`complete ${dossierId}`, (db) => one(db, 'select status from dossiers where id = ?', dossierId)?.status === 'complete');
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
