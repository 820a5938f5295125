import type { Kysely, Updateable } from 'kysely';
import type { Database, StaffUserRow, StaffUsersTable } from '../../db/schema';

export interface SessionWithUser {
  idHash: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: StaffUserRow;
}

/** Staff accounts, sessions and login failures, in SQL. */
export function createStaffRepo(db: Kysely<Database>) {
  return {
    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('staff_users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertUser(row: {
      username: string;
      display_name: string;
      role: StaffUserRow['role'];
      password_hash: string;
      created_at: string;
    }): Promise<number> {
      const { id } = await db.insertInto('staff_users').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    userByName(username: string) {
      return db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    userById(id: number) {
      return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    listUsers() {
      return db.selectFrom('staff_users').selectAll().orderBy('username').execute();
    },

    async updateUser(id: number, changes: Updateable<StaffUsersTable>) {
      // A form that changes nothing (all fields left as they were) is no statement: SQL has no empty SET.
      if (Object.values(changes).every((v) => v === undefined)) return;
      await db.updateTable('staff_users').set(changes).where('id', '=', id).execute();
    },

    /** Accepts a TOTP step only if it is later than the last accepted one, atomically: two racing logins cannot both use it. */
    async claimTotpStep(id: number, step: number): Promise<boolean> {
      const result = await db
        .updateTable('staff_users')
        .set({ totp_last_step: step })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertSession(row: {
      id_hash: string;
      user_id: number;
      csrf_token: string;
      created_at: string;
      last_seen_at: string;
      expires_at: string;
    }) {
      await db.insertInto('staff_sessions').values(row).execute();
    },

    async sessionByHash(idHash: string): Promise<SessionWithUser | undefined> {
      const row = await db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select(['s.id_hash', 's.csrf_token', 's.created_at as s_created_at', 's.last_seen_at', 's.expires_at'])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { id_hash, csrf_token, s_created_at, last_seen_at, expires_at, ...user } = row;
      return {
        idHash: id_hash,
        csrfToken: csrf_token,
        createdAt: s_created_at,
        lastSeenAt: last_seen_at,
        expiresAt: expires_at,
        user,
      };
    },

    async touchSession(idHash: string, now: string) {
      await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
    },

    async deleteSession(idHash: string) {
      await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    },

    /** After a password change or reset, every other session of that person ends. */
    async deleteSessionsOf(userId: number, exceptIdHash?: string) {
      let query = db.deleteFrom('staff_sessions').where('user_id', '=', userId);
      if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
      await query.execute();
    },

    loginFailures(keyHash: string) {
      return db.selectFrom('staff_login_failures').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    },

    /**
     * One more failure for a key, atomically (several app instances may share the database): a failure
     * after the window has passed starts a new count. Returns the count within the current window.
     */
    async recordLoginFailure(keyHash: string, now: string, windowStart: string): Promise<number> {
      const row = await db
        .insertInto('staff_login_failures')
        .values({ key_hash: keyHash, failures: 1, first_failed_at: now, locked_until: null })
        .onConflict((oc) =>
          oc.column('key_hash').doUpdateSet((eb) => {
            const expired = eb('staff_login_failures.first_failed_at', '<', windowStart);
            return {
              failures: eb
                .case()
                .when(expired)
                .then(1)
                .else(eb('staff_login_failures.failures', '+', 1))
                .end(),
              first_failed_at: eb
                .case()
                .when(expired)
                .then(now)
                .else(eb.ref('staff_login_failures.first_failed_at'))
                .end(),
            };
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(row.failures);
    },

    async lockLogin(keyHash: string, until: string) {
      await db
        .updateTable('staff_login_failures')
        .set({ locked_until: until })
        .where('key_hash', '=', keyHash)
        .execute();
    },

    async clearLoginFailures(keyHash: string) {
      await db.deleteFrom('staff_login_failures').where('key_hash', '=', keyHash).execute();
    },
  };
}
export type StaffRepo = ReturnType<typeof createStaffRepo>;
