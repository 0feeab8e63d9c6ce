ALTER TABLE `dossiers` ADD `closure_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `implicit_decision_at` integer;--> statement-breakpoint
CREATE INDEX `dossiers_scope_implicit_decision_idx` ON `dossiers` (`prefecture_code`,`implicit_decision_at`);--> statement-breakpoint
CREATE INDEX `dossiers_scope_deposited_idx` ON `dossiers` (`prefecture_code`,`deposited_at`);--> statement-breakpoint
ALTER TABLE `staff_users` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `staff_users` ADD `must_change_password` integer DEFAULT false NOT NULL;