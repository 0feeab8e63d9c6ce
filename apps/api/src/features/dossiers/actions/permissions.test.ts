import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, get, send } from '../../../testing/harness.js';
import { type Desk, expectRefusal, openDesk } from './desk.js';

/** Every agent action, for each kind of caller: who may, who gets 403, 404 or 401, and that a refusal writes nothing. */
let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});
afterEach(() => desk.h.close());

const ACTIONS = ['take', 'complement-request', 'complete', 'close'];
const nothingWritten = () => {
  expect(desk.status()).toBe('deposee');
  expect(countRows(desk.h, 'events')).toBe(1); // the deposit
  expect(countRows(desk.h, 'outbox_emails')).toBe(0);
};

describe('an agent of the dossier’s préfecture', () => {
  it('takes, reviews, requests complements', async () => {
    expect((await desk.act('take')).status).toBe(200);
    expect((await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'à refaire')).status).toBe(200);
    expect((await get(desk.h, desk.url('complement-request/preview'), desk.cookies.agent)).status).toBe(200);
    expect((await desk.act('complement-request')).status).toBe(200);
  });
});

describe('a supervisor of the dossier’s préfecture', () => {
  it('may do all an agent may', async () => {
    const sup = desk.cookies.supervisor;
    expect((await desk.act('take', sup)).status).toBe(200);
    expect((await desk.review('JUSTIFICATIF_IDENTITE', 'manquant', 'à refaire', sup)).status).toBe(200);
    expect((await desk.act('complement-request', sup)).status).toBe(200);
  });
});

describe('an agent of another préfecture', () => {
  it('gets 404 on every action, the preview and the review, as if the dossier did not exist', async () => {
    for (const action of ACTIONS) await expectRefusal(await desk.act(action, desk.cookies.foreign), 404, 'Dossier introuvable.');
    expect((await get(desk.h, desk.url('complement-request/preview'), desk.cookies.foreign)).status).toBe(404);
    expect((await desk.review('JUSTIFICATIF_IDENTITE', 'conforme', '', desk.cookies.foreign)).status).toBe(404);
    nothingWritten();
  });
});

describe('the national admin', () => {
  it('reads the dossier but gets 403 on every decision', async () => {
    expect((await get(desk.h, `/api/dossiers/${desk.dossier.dossier.id}`, desk.cookies.admin)).status).toBe(200);
    for (const action of ACTIONS) {
      await expectRefusal(
        await desk.act(action, desk.cookies.admin),
        403,
        'Un administrateur national ne prend pas de décision sur un dossier.',
      );
    }
    expect((await desk.review('EPHOTO', 'conforme', '', desk.cookies.admin)).status).toBe(403);
    nothingWritten();
  });
});

describe('without a staff session', () => {
  it('answers 401 to an applicant’s session and to nobody', async () => {
    for (const action of ACTIONS) {
      expect((await desk.act(action, 'em_usager_session=whatever')).status).toBe(401);
      expect((await send(desk.h, 'POST', desk.url(action), '')).status).toBe(401);
    }
    nothingWritten();
  });
});
