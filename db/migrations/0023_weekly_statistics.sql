-- The supervisor's weekly statistics count deposits, closures and completions per week from indexes
-- alone, the scope's préfecture and status included, instead of reading every dossier of a year
-- (6 s for the Nord at a million dossiers). The deposits' index gains the status (also read by the
-- lists sorted by deposit); closures and completions are a few dossiers in ten: partial indexes.
-- A bulk load stopped half-way may have left the former deposits' index deferred: built here, as it is now.
DELETE FROM `deferred_indexes` WHERE `name` = 'dossiers_scope_deposited_idx';--> statement-breakpoint
DROP INDEX IF EXISTS `dossiers_scope_deposited_idx`;--> statement-breakpoint
CREATE INDEX `dossiers_scope_deposited_idx` ON `dossiers` (`prefecture_code`,`deposited_at`,`status`);--> statement-breakpoint
CREATE INDEX `dossiers_scope_closed_idx` ON `dossiers` (`prefecture_code`,`closed_at`,`status`) WHERE "dossiers"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `dossiers_scope_completed_idx` ON `dossiers` (`prefecture_code`,`completed_at`,`status`,`deposited_at`) WHERE "dossiers"."completed_at" IS NOT NULL;
