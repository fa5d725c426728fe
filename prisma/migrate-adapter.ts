// A PrismaPg factory for Prisma's WebAssembly schema engine (prisma migrate *), with the two
// faults of adapter-pg 6.19.3 worked around (upstream prisma/orm#27403):
// 1. catalog queries return columns of type `name` (oid 19) and `"char"` (oid 18), which the
//    adapter cannot deserialize: we report them as text (oid 25);
// 2. its shadow database is the real one and is dropped before its pool closes: we create a
//    uniquely named shadow, and drop it WITH (FORCE) after its pool has ended.
// We also run migration scripts whole, since the stock adapter splits them on ";", which
// breaks function bodies. And introspection (`migrate diff --from-migrations`, `migrate dev`)
// reads the `constraint_type` column of its constraints query (pg_constraint.contype) as a
// character: given text, it panicked ("RuntimeError: unreachable") on any CHECK constraint, so
// that column is reported to the engine as a character.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;
// ColumnTypeEnum.Character of @prisma/driver-adapter-utils: what the engine reads a character from.
const CHARACTER = 6;

type Field = { dataTypeID: number };
type Result = { fields?: Field[] } | Array<{ fields?: Field[] }>;
type Patchable = {
  performIO: (query: unknown) => Promise<Result>;
  queryRaw: (query: unknown) => Promise<{ columnNames: string[]; columnTypes: number[]; rows: unknown[][] }>;
  executeScript: (script: string) => Promise<void>;
  startTransaction: (isolation?: unknown) => Promise<Patchable>;
  onError: (error: unknown) => never;
  client: { query: (sql: string) => Promise<unknown> };
};

function textualize(result: Result): Result {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of part?.fields ?? []) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function patch<T>(adapter: T): T {
  const a = adapter as unknown as Patchable;
  const performIO = a.performIO.bind(a);
  a.performIO = async (query) => textualize(await performIO(query));
  const queryRaw = a.queryRaw.bind(a);
  a.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const i = result.columnNames.indexOf("constraint_type");
    if (i >= 0) result.columnTypes[i] = CHARACTER;
    return result;
  };
  if (typeof a.startTransaction === "function") {
    const startTransaction = a.startTransaction.bind(a);
    a.startTransaction = async (isolation) => patch(await startTransaction(isolation));
  }
  if (typeof a.executeScript === "function") {
    a.executeScript = async (script) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
  }
  return adapter;
}

export function migrateAdapter(connectionString: string) {
  const url = new URL(connectionString);
  const discrete = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  };
  const factory = new PrismaPg(discrete);
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => {
      const shadowName = `sanad_shadow_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client(discrete);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${shadowName}"`);
      await admin.end();
      const shadowFactory = new PrismaPg({ ...discrete, database: shadowName });
      const shadow = patch(await shadowFactory.connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(discrete);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        await dropper.end();
      };
      return shadow;
    },
  };
  return wrapped;
}
