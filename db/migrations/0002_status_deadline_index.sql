DROP INDEX `dossiers_scope_deadline_idx`;--> statement-breakpoint
CREATE INDEX `dossiers_scope_status_deadline_idx` ON `dossiers` (`prefecture_code`,`status`,`deadline_at`);