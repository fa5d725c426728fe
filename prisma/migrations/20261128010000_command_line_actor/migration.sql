-- The command line acts as itself (issue 19): audit rows it writes carry no user id but name
-- the command line, the operating-system user that ran it and the trust it acted with.
ALTER TABLE "audit_events" ADD COLUMN "actor_kind" TEXT NOT NULL DEFAULT 'user',
                           ADD COLUMN "actor_name" TEXT,
                           ADD COLUMN "actor_role" TEXT;
-- A system row never names a user; a user row never borrows a system name.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_kind_check" CHECK (
  ("actor_kind" = 'user' AND "actor_name" IS NULL AND "actor_role" IS NULL)
  OR ("actor_kind" = 'system' AND "actor_id" IS NULL AND "actor_name" IS NOT NULL AND "actor_role" IS NOT NULL)
);

-- Articles and reference fact-checks the command line imports were imported by no person.
ALTER TABLE "articles" ALTER COLUMN "created_by_id" DROP NOT NULL;
ALTER TABLE "reference_fact_checks" ALTER COLUMN "created_by_id" DROP NOT NULL;
