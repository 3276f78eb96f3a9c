-- Issue 16: the audit heads each side has seen of the other's chain (the witness).
CREATE TABLE "audit_witness" ("id" INTEGER NOT NULL PRIMARY KEY, "peer_code" VARCHAR(32) NOT NULL, "side" VARCHAR(8) NOT NULL, "package_number" INTEGER NOT NULL, "count" INTEGER NOT NULL, "hash" VARCHAR(64) NOT NULL, "seen_at" VARCHAR(32) NOT NULL, "status" VARCHAR(16) NOT NULL, "reason" TEXT NOT NULL);
CREATE INDEX "audit_witness_peer_code" ON "audit_witness" ("peer_code");
