import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../../deps.js';
import { findDossier } from '../queries.js';
import { staffDossierScope } from '../scope.js';

/** Every action answers the dossier as it now stands, so that the console shows what the server holds. */
export const answerDossier = (c: Context<AppEnv>, deps: AppDeps, id: number) =>
  c.json(findDossier(deps.db, staffDossierScope(c.var.staff), id, deps.now()));
