import type { OutboxEmail, OutboxEmailWithBody } from '@em/contract';
import { type Db, schema } from '@em/db';
import { EMAIL_TEMPLATES } from '@em/domain';
import { storedEmailContent, storedEmailSubject, subjectWording, type TemplateName } from '@em/mail';
import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppDeps, AppEnv, StaffUser } from '../../deps.js';
import { badRequest, notFound } from '../../http/errors.js';
import { idsFilter, integerFilter, listResponse, parseId, parseListQuery, toApiRecord } from '../../http/react-admin.js';
import { requireStaff } from '../auth/guard.js';
import { staffDossierScope } from '../dossiers/scope.js';
import { escapeLike, MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '../dossiers/search.js';

const { outboxEmails, dossiers } = schema;

const listed = {
  id: outboxEmails.id,
  data: outboxEmails.data,
  numero: dossiers.numero,
  // Null for the account e-mails (creation, « Mot de passe oublié ? »), which belong to no dossier.
  dossierId: outboxEmails.dossierId,
  template: outboxEmails.template,
  to: outboxEmails.to,
  subject: outboxEmails.subject,
  status: outboxEmails.status,
  attempts: outboxEmails.attempts,
  lastError: outboxEmails.lastError,
  createdAt: outboxEmails.createdAt,
  sentAt: outboxEmails.sentAt,
};

const selectEmails = (db: Db) => db.select(listed).from(outboxEmails).leftJoin(dossiers, eq(dossiers.id, outboxEmails.dossierId));
const newestFirst = [desc(outboxEmails.createdAt), desc(outboxEmails.id)];

/**
 * The ids of the mailbox's page, newest first. Every e-mail of a préfecture or of the nation, with
 * no search: walked along outbox_created_idx until the page is full, where SQLite would read and
 * sort every e-mail of the préfecture's dossiers (3.4 s at a million). A search keeps away from that
 * index (`+created_at`): its rare words would walk all of it, row by row (15 to 18 s at a million,
 * against 3 to 12 s otherwise). A dossier's or chosen ids' few e-mails are read by their own index.
 * Ids alone, the rows read next: with the table named as SQL (`INDEXED BY`), Drizzle refuses its columns.
 */
function pageIds(db: Db, where: SQL | undefined, walk: 'newest' | 'matches' | 'own', range: { limit: number; offset: number }) {
  const createdAt = walk === 'matches' ? sql`+${outboxEmails.createdAt}` : outboxEmails.createdAt;
  return db
    .select({ id: sql<number>`${outboxEmails.id}` })
    .from(walk === 'newest' ? sql`${outboxEmails} INDEXED BY outbox_created_idx` : outboxEmails)
    .leftJoin(dossiers, eq(dossiers.id, outboxEmails.dossierId))
    .where(where)
    .orderBy(desc(createdAt), desc(outboxEmails.id))
    .limit(range.limit)
    .offset(range.offset)
    .all()
    .map((row) => row.id);
}
const selectEmailWithBody = (db: Db) =>
  db
    .select({ ...listed, text: outboxEmails.text, html: outboxEmails.html })
    .from(outboxEmails)
    .leftJoin(dossiers, eq(dossiers.id, outboxEmails.dossierId));

/**
 * The subject the mailbox shows and searches, in SQL: e-mails keep their template and data, not
 * their subject (@em/mail's storedEmailSubject). Registered on the connection the routes read.
 */
function registerSubjectFunction(db: Db) {
  db.$client.function('email_subject', { deterministic: true }, (template, data, numero, subject) =>
    storedEmailSubject({
      template: template as TemplateName,
      data: data as string | null,
      numero: numero as string | null,
      subject: subject as string,
    }),
  );
}
const subjectOf = sql`email_subject(${outboxEmails.template}, ${outboxEmails.data}, ${dossiers.numero}, ${outboxEmails.subject})`;

/**
 * The e-mails of the dossiers a staff member may see; the national admin also sees those tied to
 * no dossier (account creation, « Mot de passe oublié ? »), so the local mailbox shows every message.
 */
function emailScope(staff: StaffUser): SQL {
  const scope = staffDossierScope(staff);
  return staff.role === 'admin' ? or(isNull(outboxEmails.dossierId), scope)! : scope;
}

/** As SQLite's LIKE compares: ASCII letters in either case, any other character as it is. */
const likeFolded = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const WORDINGS = EMAIL_TEMPLATES.map((template) => ({ template, ...subjectWording(template) }));

/**
 * Where `word` can be in a stored e-mail's subject, without rendering the subject of every row (40 s
 * over two million e-mails): the fixed text of its template, its numéro (« n°… » included), or, for a
 * word of digits and slashes, the date a reminder names, rendered for those rows only.
 */
function subjectConditions(word: string, pattern: string): SQL[] {
  const folded = likeFolded(word);
  const templates = WORDINGS.filter((w) => w.fixed.some((text) => likeFolded(text).includes(folded))).map((w) => w.template);
  const dated = /^[\d/]+$/.test(word) ? WORDINGS.filter((w) => w.namesADate).map((w) => w.template) : [];
  const numeroStart = /^n°(.+)$/i.exec(word)?.[1];
  return [
    ...(templates.length ? [inArray(outboxEmails.template, templates)] : []),
    ...(dated.length ? [and(inArray(outboxEmails.template, dated), sql`${subjectOf} LIKE ${pattern} ESCAPE '\\'`)!] : []),
    // Rendered subjects name their dossier « n°… »; those written before keep their own text (below).
    ...(numeroStart ? [and(isNotNull(outboxEmails.data), sql`${dossiers.numero} LIKE ${`${escapeLike(numeroStart)}%`} ESCAPE '\\'`)!] : []),
    // The e-mails written before subjects were rendered when read keep theirs.
    sql`${outboxEmails.subject} LIKE ${pattern} ESCAPE '\\'`,
  ];
}

/** `q`: every word found in the recipient, the subject or the dossier's numéro. */
function searchConditions(q: unknown): SQL[] {
  if (typeof q !== 'string') return [];
  const words = q.trim().split(/\s+/).filter(Boolean);
  if (q.length > MAX_SEARCH_LENGTH || words.length > MAX_SEARCH_WORDS) {
    throw badRequest(`Recherche trop longue : ${MAX_SEARCH_WORDS} mots et ${MAX_SEARCH_LENGTH} caractères au plus.`);
  }
  return words.map((word) => {
    const pattern = `%${escapeLike(word)}%`;
    return or(
      sql`${outboxEmails.to} LIKE ${pattern} ESCAPE '\\'`,
      sql`${dossiers.numero} LIKE ${pattern} ESCAPE '\\'`,
      ...subjectConditions(word, pattern),
    )!;
  });
}

/** The e-mails of a dossier and their delivery state, as the console shows them. */
export function emailRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireStaff(deps));
  registerSubjectFunction(deps.db);

  app.get('/', (c) => {
    const query = parseListQuery(c, ['id', 'created_at']);
    const conditions = [emailScope(c.var.staff)];
    const ids = idsFilter(query.filter);
    if (ids) conditions.push(inArray(outboxEmails.id, ids));
    const dossierId = integerFilter(query.filter, 'dossier_id');
    if (dossierId !== undefined) conditions.push(eq(outboxEmails.dossierId, dossierId));
    const search = searchConditions(query.filter.q);
    conditions.push(...search);
    const where = and(...conditions);
    const walk = ids || dossierId !== undefined ? 'own' : search.length ? 'matches' : 'newest';
    const page = pageIds(deps.db, where, walk, query.range);
    const rows = selectEmails(deps.db)
      .where(inArray(outboxEmails.id, page))
      .orderBy(...newestFirst)
      .all();
    const total =
      deps.db
        .select({ count: sql<number>`count(*)` })
        .from(outboxEmails)
        .leftJoin(dossiers, eq(dossiers.id, outboxEmails.dossierId))
        .where(where)
        .get()?.count ?? 0;
    return listResponse(
      c,
      'emails',
      query,
      rows.map(({ data, numero, ...row }): OutboxEmail => toApiRecord({ ...row, subject: storedEmailSubject({ ...row, data, numero }) })),
      total,
    );
  });

  app.get('/:id', (c) => {
    const row = selectEmailWithBody(deps.db)
      .where(and(emailScope(c.var.staff), eq(outboxEmails.id, parseId(c.req.param('id')))))
      .get();
    if (!row) throw notFound('Courriel introuvable.');
    const { data: _data, numero: _numero, ...fields } = row;
    const email: OutboxEmailWithBody = toApiRecord({ ...fields, ...storedEmailContent(row) });
    return c.json(email);
  });

  return app;
}
