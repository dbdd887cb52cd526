/**
 * @module store/sqlite-engine
 * Opens a SQLite file with better-sqlite3 behind Kysely. Four adjustments to Kysely's stock
 * SQLite dialect, all confined here:
 * - prepared statements are cached by SQL text (Kysely prepares on every call), so a polling
 *   cycle's thousands of identical UPDATEs are parsed once;
 * - transactions start with BEGIN IMMEDIATE, taking the write lock up front, so two processes
 *   writing the same file wait on busy_timeout instead of failing with SQLITE_BUSY on upgrade;
 * - the adapter declares transactional DDL (SQLite has it), so migrations run inside one
 *   transaction and two processes opening a new file cannot both apply them;
 * - text parameters are made well-formed UTF-16 before binding (well-formed-text.ts): better-sqlite3
 *   writes a lone surrogate as the three bytes of its code point, which is not UTF-8, so the row
 *   read back as three U+FFFD and other readers of the file (Python's sqlite3) failed on it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver, sql } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, SqliteDatabase, SqliteDialectConfig, SqliteStatement } from 'kysely';
import { assertStoreMigrated, migrateStore } from './migrations.js';
import type { StoreDatabase } from './schema-types.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { createKyselyStore } from './kysely-store.js';
import { toStoreError } from './store-errors.js';
import type { Store, StoreOptions } from './store-types.js';
import { isIllFormedText, toWellFormedText } from './well-formed-text.js';

/** Prepared statements kept per database; the least recently used one beyond this is dropped. */
const STATEMENT_CACHE_SIZE = 500;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TributarySqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function wellFormedParameters(parameters: readonly unknown[]): readonly unknown[] {
  if (!parameters.some(isIllFormedText)) return parameters;
  return parameters.map((value) => (isIllFormedText(value) ? toWellFormedText(value) : value));
}

function bindWellFormed(statement: BetterSqlite3.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(wellFormedParameters(parameters)),
    run: (parameters) => statement.run(wellFormedParameters(parameters)),
    iterate: (parameters) => statement.iterate(wellFormedParameters(parameters)),
  };
}

function createStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement !== undefined) {
        statements.delete(text);
      } else {
        statement = bindWellFormed(database.prepare(text));
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/** The file a `sqlite:` URL names: `sqlite:PATH`, `sqlite://PATH` or `sqlite::memory:`. */
export function sqlitePathOf(url: string): string {
  const rest = url.slice('sqlite:'.length);
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  return path === ':memory:' ? path : resolve(path);
}

/** Opens (creating and migrating unless read-only) the SQLite database a `sqlite:` URL names. */
export async function openSqliteStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const readonly = options.readonly ?? false;
  const path = sqlitePathOf(url);
  let database: BetterSqlite3.Database | undefined;
  let db: Kysely<StoreDatabase> | undefined;
  try {
    if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new BetterSqlite3(path, { readonly, fileMustExist: readonly, timeout: 5000 });
    if (!readonly) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    db = new Kysely<StoreDatabase>({ dialect: new TributarySqliteDialect({ database: createStatementCache(database) }) });
    if (readonly) await assertStoreMigrated(db, sqliteDialect, url);
    else await migrateStore(db, sqliteDialect);
  } catch (error) {
    if (db !== undefined) await db.destroy().catch(() => undefined);
    else database?.close();
    throw toStoreError(error, 'open', url);
  }
  const opened = db;
  return createKyselyStore({
    db: opened,
    dialect: sqliteDialect,
    label: url,
    async shutdown() {
      if (!readonly) await sql`PRAGMA optimize`.execute(opened);
      await opened.destroy();
    },
  });
}
