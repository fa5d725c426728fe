-- CreateEnum
CREATE TYPE "SuggestionType" AS ENUM ('claim', 'contradiction');

-- CreateEnum
CREATE TYPE "SuggestionState" AS ENUM ('pending', 'accepted', 'dismissed');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('open', 'disputed', 'verified', 'retracted');

-- CreateEnum
CREATE TYPE "LinkRelation" AS ENUM ('contradicts', 'same_as');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('supports', 'refutes', 'context');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "organization_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "organization_url" TEXT,
ADD COLUMN     "required_verdicts" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "quantities" (
    "article_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT,
    "noun" TEXT,
    "sentence" INTEGER NOT NULL,

    CONSTRAINT "quantities_pkey" PRIMARY KEY ("article_id","index")
);

-- CreateTable
CREATE TABLE "suggestions" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "type" "SuggestionType" NOT NULL,
    "state" "SuggestionState" NOT NULL DEFAULT 'pending',
    "quantity_a" INTEGER NOT NULL,
    "quantity_b" INTEGER,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "reason" TEXT,
    "resolved_by_id" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "sentence_indexes" INTEGER[],
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "quantity_value" DOUBLE PRECISION,
    "quantity_kind" TEXT,
    "quantity_unit" TEXT,
    "status" "ClaimStatus" NOT NULL DEFAULT 'open',
    "status_before_retraction" "ClaimStatus",
    "retraction_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "suggestion_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "verified_at" TIMESTAMP(3),

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_links" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "other_claim_id" TEXT NOT NULL,
    "relation" "LinkRelation" NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "publisher" TEXT NOT NULL DEFAULT '',
    "excerpt" TEXT NOT NULL DEFAULT '',
    "stance" "Stance" NOT NULL,
    "read_at" TIMESTAMP(3),
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdicts" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adjudications" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "editor_id" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMP(3),

    CONSTRAINT "adjudications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignments" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "assigned_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seen_at" TIMESTAMP(3),

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "project_id" TEXT,
    "actor_id" TEXT,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestions_article_id_state_idx" ON "suggestions"("article_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "claims_suggestion_id_key" ON "claims"("suggestion_id");

-- CreateIndex
CREATE INDEX "claims_article_id_start_idx" ON "claims"("article_id", "start");

-- CreateIndex
CREATE INDEX "claims_project_id_status_created_at_idx" ON "claims"("project_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "claims_project_id_verified_at_id_idx" ON "claims"("project_id", "verified_at", "id");

-- CreateIndex
CREATE INDEX "claim_links_other_claim_id_idx" ON "claim_links"("other_claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_links_claim_id_other_claim_id_relation_key" ON "claim_links"("claim_id", "other_claim_id", "relation");

-- CreateIndex
CREATE INDEX "sources_claim_id_idx" ON "sources"("claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "verdicts_claim_id_reviewer_id_key" ON "verdicts"("claim_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "adjudications_claim_id_idx" ON "adjudications"("claim_id");

-- CreateIndex
CREATE INDEX "assignments_reviewer_id_idx" ON "assignments"("reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_article_id_reviewer_id_key" ON "assignments"("article_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "audit_events_project_id_created_at_idx" ON "audit_events"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_entity_id_idx" ON "audit_events"("entity", "entity_id");

-- AddForeignKey
ALTER TABLE "quantities" ADD CONSTRAINT "quantities_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_other_claim_id_fkey" FOREIGN KEY ("other_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Ratings follow ClaimReview's scale, with "unverifiable" apart from it.
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_rating_check" CHECK ("rating" IN ('1','2','3','4','5','unverifiable'));
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_rating_check" CHECK ("rating" IN ('1','2','3','4','5','unverifiable'));
ALTER TABLE "claims" ADD CONSTRAINT "claims_span_check" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "sentences" ADD CONSTRAINT "sentences_span_check" CHECK ("start" >= 0 AND "end" >= "start");
ALTER TABLE "sources" ADD CONSTRAINT "sources_url_check" CHECK ("url" ~* '^https?://');

-- The audit trail is append-only for everyone who connects, the application included.
CREATE FUNCTION sanad_audit_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION sanad_audit_events_immutable();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION sanad_audit_events_immutable();
