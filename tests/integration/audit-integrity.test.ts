// The audit trail is append-only in the database itself (a trigger of the annotation
// migration): the application's connection cannot change or remove an event, whatever the
// code does, and neither can a least-privilege role with every table privilege granted.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProject } from "@/lib/admin/create-project";
import { makeUser } from "../factories";

async function someEvents() {
  const { actor } = await makeUser({ isAdmin: true });
  const project = await createProject({ actor, name: "Audited" });
  const events = await db.auditEvent.findMany({ where: { projectId: project.id } });
  expect(events.length).toBeGreaterThan(0);
  return { project, events };
}

const snapshot = () => db.$queryRaw<{ n: number; h: string }[]>`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS h FROM audit_events t`;

describe("audit events are append-only", () => {
  it("the application's own connection cannot UPDATE, DELETE or TRUNCATE them, by Prisma or by SQL", async () => {
    const { events } = await someEvents();
    const id = events[0].id;
    const before = await snapshot();
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => db.auditEvent.update({ where: { id }, data: { action: "forged" } })],
      ["updateMany", () => db.auditEvent.updateMany({ data: { actorId: null } })],
      ["delete", () => db.auditEvent.delete({ where: { id } })],
      ["deleteMany", () => db.auditEvent.deleteMany({})],
      ["UPDATE", () => db.$executeRawUnsafe(`UPDATE audit_events SET after = '{}'::jsonb WHERE id = $1`, id)],
      ["DELETE", () => db.$executeRawUnsafe(`DELETE FROM audit_events WHERE id = $1`, id)],
      ["TRUNCATE", () => db.$executeRawUnsafe(`TRUNCATE audit_events`)],
      ["TRUNCATE CASCADE", () => db.$executeRawUnsafe(`TRUNCATE projects, audit_events CASCADE`)],
      ["in a transaction", () => db.$transaction(async (tx) => tx.auditEvent.deleteMany({ where: { id } }))],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toThrow(/append-only/);
    }
    expect(await snapshot()).toEqual(before);
    // Appending still works: that is how every change is recorded.
    await db.auditEvent.create({ data: { entity: "project", entityId: "x", action: "note" } });
    expect((await snapshot())[0].n).toBe(before[0].n + 1);
  });

  it("a least-privilege role (all table privileges, not owner, not superuser) cannot change them or switch the trigger off", async () => {
    await someEvents();
    const role = `sanad_app_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    const url = new URL(process.env.DATABASE_URL!);
    const database = url.pathname.slice(1);
    await db.$executeRawUnsafe(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    try {
      await db.$executeRawUnsafe(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
      await db.$executeRawUnsafe(`GRANT USAGE ON SCHEMA public TO "${role}"`);
      await db.$executeRawUnsafe(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO "${role}"`);
      await db.$executeRawUnsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
      url.username = role;
      url.password = password;
      const app = new pg.Client({ connectionString: url.toString() });
      await app.connect();
      try {
        const [{ id }] = (await app.query(`INSERT INTO audit_events (entity, entity_id, action) VALUES ('project', 'x', 'by role') RETURNING id`)).rows;
        expect((await app.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBeGreaterThan(1);
        const before = await snapshot();
        for (const statement of [
          `UPDATE audit_events SET action = 'forged' WHERE id = ${id}`,
          `DELETE FROM audit_events WHERE id = ${id}`,
          `TRUNCATE audit_events`,
          `ALTER TABLE audit_events DISABLE TRIGGER ALL`,
          `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`,
          `DROP TRIGGER audit_events_no_update_delete ON audit_events`,
          `DROP FUNCTION sanad_audit_events_immutable() CASCADE`,
          `SET session_replication_role = replica`,
        ]) {
          await expect(app.query(statement), statement).rejects.toMatchObject({ code: expect.stringMatching(/^42501$/) });
        }
        expect(await snapshot()).toEqual(before);
      } finally {
        await app.end();
      }
    } finally {
      await db.$executeRawUnsafe(`DROP OWNED BY "${role}"`);
      await db.$executeRawUnsafe(`DROP ROLE "${role}"`);
    }
  });

  it("the triggers are in place, for rows and for TRUNCATE", async () => {
    const triggers = await db.$queryRaw<{ tgname: string; enabled: string }[]>`
      SELECT tgname::text AS tgname, tgenabled::text AS enabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers).toEqual([
      { tgname: "audit_events_no_truncate", enabled: "O" },
      { tgname: "audit_events_no_update_delete", enabled: "O" },
    ]);
  });
});
