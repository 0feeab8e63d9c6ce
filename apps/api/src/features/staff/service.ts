import type { StaffCreate, StaffUpdate } from '@em/contract';
import { type Db, hashPassword, schema, type Tx } from '@em/db';
import { applicantPasswordMessage, STAFF_ROLE_LABELS, type StaffRole } from '@em/domain';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AppDeps, StaffUser } from '../../deps.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { idsFilter, type ListQuery } from '../../http/react-admin.js';
import { recordEvent } from '../audit/record.js';

const { staffUsers, sessions, prefectures } = schema;

export const STAFF_SORTABLE = ['id', 'email', 'full_name', 'role', 'prefecture_code', 'created_at'] as const;
const SORT_COLUMNS = {
  id: staffUsers.id,
  email: staffUsers.email,
  full_name: staffUsers.fullName,
  role: staffUsers.role,
  prefecture_code: staffUsers.prefectureCode,
  created_at: staffUsers.createdAt,
};

export function staffRecord(row: typeof staffUsers.$inferSelect) {
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    role: row.role,
    prefecture_code: row.prefectureCode,
    active: row.deactivatedAt === null,
    deactivated_at: row.deactivatedAt?.toISOString() ?? null,
    must_change_password: row.mustChangePassword,
    created_at: row.createdAt.toISOString(),
  };
}

export function listStaff(db: Db, query: ListQuery) {
  const { filter } = query;
  const conditions: (SQL | undefined)[] = [];
  const ids = idsFilter(filter);
  if (ids) conditions.push(inArray(staffUsers.id, ids));
  if (typeof filter.q === 'string' && filter.q.trim()) {
    const like = `%${filter.q.trim().toLowerCase()}%`;
    conditions.push(sql`(lower(${staffUsers.email}) LIKE ${like} OR lower(${staffUsers.fullName}) LIKE ${like})`);
  }
  if (typeof filter.role === 'string') conditions.push(eq(staffUsers.role, filter.role as StaffRole));
  if (typeof filter.prefecture_code === 'string') conditions.push(eq(staffUsers.prefectureCode, filter.prefecture_code));
  if (filter.active === true) conditions.push(isNull(staffUsers.deactivatedAt));
  if (filter.active === false) conditions.push(isNotNull(staffUsers.deactivatedAt));
  const where = and(...conditions);
  const sort = query.sort ?? { field: 'email', order: 'ASC' as const };
  const order = sort.order === 'ASC' ? asc : desc;
  const rows = db
    .select()
    .from(staffUsers)
    .where(where)
    .orderBy(order(SORT_COLUMNS[sort.field as keyof typeof SORT_COLUMNS]), order(staffUsers.id))
    .limit(query.range.limit)
    .offset(query.range.offset)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(staffUsers).where(where).get()?.n ?? 0;
  return { rows: rows.map(staffRecord), total };
}

export function findStaff(db: Db | Tx, id: number) {
  const row = db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
  if (!row) throw notFound('Compte introuvable.');
  return row;
}

/** 4 groups of 4 characters (≈ 95 bits), readable aloud, always within the password policy. */
function provisionalPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
    const candidate = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!applicantPasswordMessage(candidate)) return candidate;
  }
}

/** An agent or a supervisor belongs to one existing préfecture; a national admin to none. */
function checkedPrefecture(tx: Db | Tx, role: StaffRole, code: string | null): string | null {
  if (role === 'admin') return null;
  if (!code) throw badRequest('Un agent ou un superviseur est rattaché à une préfecture : indiquez-la.');
  if (!tx.select({ code: prefectures.code }).from(prefectures).where(eq(prefectures.code, code)).get()) {
    throw badRequest(`Préfecture « ${code} » inconnue.`);
  }
  return code;
}

const roleLabel = (role: StaffRole, prefectureCode: string | null) =>
  `${STAFF_ROLE_LABELS[role]}${prefectureCode ? ` — préfecture ${prefectureCode}` : ''}`;

export async function createStaff(deps: AppDeps, admin: StaffUser, input: StaffCreate) {
  const password = provisionalPassword();
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const prefectureCode = checkedPrefecture(tx, input.role, input.prefecture_code);
    if (tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email)).get()) {
      throw conflict(`Un compte existe déjà pour ${input.email}.`);
    }
    const created = tx
      .insert(staffUsers)
      .values({ email: input.email, fullName: input.full_name, role: input.role, prefectureCode, passwordHash, mustChangePassword: true })
      .returning()
      .get();
    recordEvent(tx, {
      actor: { type: 'staff', user: admin },
      action: 'staff_create',
      dossierId: null,
      at: now,
      after: roleLabel(created.role, created.prefectureCode),
      reason: created.email,
    });
    return created;
  });
  return { ...staffRecord(row), provisional_password: password };
}

function endSessions(tx: Db | Tx, staffId: number) {
  tx.delete(sessions).where(eq(sessions.staffUserId, staffId)).run();
}

export function updateStaff(deps: AppDeps, admin: StaffUser, id: number, input: StaffUpdate) {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const before = findStaff(tx, id);
    const role = input.role ?? before.role;
    const prefectureInput = input.prefecture_code === undefined ? before.prefectureCode : input.prefecture_code;
    const deactivate = input.active === false && before.deactivatedAt === null;
    const reactivate = input.active === true && before.deactivatedAt !== null;
    if (before.id === admin.id && (role !== before.role || deactivate)) {
      throw conflict('Vous ne pouvez ni désactiver votre propre compte ni changer votre propre rôle.');
    }
    const prefectureCode = checkedPrefecture(tx, role, prefectureInput);
    tx.update(staffUsers)
      .set({
        fullName: input.full_name ?? before.fullName,
        role,
        prefectureCode,
        deactivatedAt: deactivate ? now : reactivate ? null : before.deactivatedAt,
      })
      .where(eq(staffUsers.id, id))
      .run();
    const actor = { type: 'staff', user: admin } as const;
    if (role !== before.role || prefectureCode !== before.prefectureCode) {
      recordEvent(tx, {
        actor,
        action: 'staff_update',
        dossierId: null,
        at: now,
        before: roleLabel(before.role, before.prefectureCode),
        after: roleLabel(role, prefectureCode),
        reason: before.email,
      });
    }
    if (deactivate) {
      // Their open sessions end now, in the same transaction: the next request answers 401.
      endSessions(tx, id);
      recordEvent(tx, { actor, action: 'staff_deactivate', dossierId: null, at: now, reason: before.email });
    }
    if (reactivate) recordEvent(tx, { actor, action: 'staff_reactivate', dossierId: null, at: now, reason: before.email });
    return staffRecord(findStaff(tx, id));
  });
}

/** A new provisional password: the old one stops working, sessions end, and the person must choose a new one. */
export async function resetStaffPassword(deps: AppDeps, admin: StaffUser, id: number) {
  const password = provisionalPassword();
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const target = findStaff(tx, id);
    tx.update(staffUsers).set({ passwordHash, mustChangePassword: true }).where(eq(staffUsers.id, id)).run();
    endSessions(tx, id);
    recordEvent(tx, {
      actor: { type: 'staff', user: admin },
      action: 'staff_password_reset',
      dossierId: null,
      at: now,
      reason: target.email,
    });
  });
  return { provisional_password: password };
}
