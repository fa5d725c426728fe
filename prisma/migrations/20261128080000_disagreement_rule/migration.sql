-- CreateEnum
CREATE TYPE "DisagreementRule" AS ENUM ('any', 'across_divide');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "disagreement_rule" "DisagreementRule" NOT NULL DEFAULT 'any';
