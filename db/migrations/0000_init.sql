CREATE TABLE `applicants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_reset_password` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_email_unique` ON `applicants` (`email`);--> statement-breakpoint
CREATE TABLE `complement_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`requested_by_id` integer NOT NULL,
	`sent_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`requested_pieces` text NOT NULL,
	`reminder_sent_at` integer,
	`answered_at` integer,
	`answered_late` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complement_requests_dossier_idx` ON `complement_requests` (`dossier_id`);--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`numero` text,
	`status` text DEFAULT 'brouillon' NOT NULL,
	`prefecture_code` text,
	`applicant_id` integer NOT NULL,
	`assignee_id` integer,
	`last_saved_step` integer DEFAULT 0 NOT NULL,
	`deposited_at` integer,
	`deadline_at` integer,
	`completed_at` integer,
	`closed_at` integer,
	`birth_name` text DEFAULT '' NOT NULL,
	`usage_name` text DEFAULT '' NOT NULL,
	`first_names` text DEFAULT '[]' NOT NULL,
	`sex` text,
	`birth_day` integer,
	`birth_month` integer,
	`birth_year` integer,
	`birth_country` text DEFAULT '' NOT NULL,
	`birth_place` text DEFAULT '' NOT NULL,
	`nationalities` text DEFAULT '[]' NOT NULL,
	`address_number` text DEFAULT '' NOT NULL,
	`address_street` text DEFAULT '' NOT NULL,
	`address_complement` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`country` text DEFAULT 'France' NOT NULL,
	`insee_code` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`entry_date` text,
	`family_situation` text,
	`union_date` text,
	`union_country` text,
	`dependent_children` integer,
	`attest_no_polygamy` integer DEFAULT false NOT NULL,
	`attest_penalties` integer DEFAULT false NOT NULL,
	`ephoto` text,
	`observations` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_id`) REFERENCES `applicants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_numero_unique` ON `dossiers` (`numero`);--> statement-breakpoint
CREATE INDEX `dossiers_scope_status_idx` ON `dossiers` (`prefecture_code`,`status`,`deposited_at`);--> statement-breakpoint
CREATE INDEX `dossiers_scope_deadline_idx` ON `dossiers` (`prefecture_code`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `dossiers_assignee_idx` ON `dossiers` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `dossiers_applicant_idx` ON `dossiers` (`applicant_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` integer,
	`actor_role` text NOT NULL,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`dossier_id` integer,
	`before` text,
	`after` text,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_dossier_idx` ON `events` (`dossier_id`,`at`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`detected_type` text NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_applicant_id` integer,
	`uploaded_by_staff_id` integer,
	`uploaded_at` integer NOT NULL,
	`complement_request_id` integer,
	`late` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_applicant_id`) REFERENCES `applicants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complement_request_id`) REFERENCES `complement_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_piece_idx` ON `files` (`piece_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `outbox_emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer,
	`template` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`provider_message_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_dossier_idx` ON `outbox_emails` (`dossier_id`);--> statement-breakpoint
CREATE TABLE `pieces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`code` text NOT NULL,
	`review_status` text DEFAULT 'a_verifier' NOT NULL,
	`review_message` text DEFAULT '' NOT NULL,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pieces_dossier_code_idx` ON `pieces` (`dossier_id`,`code`);--> statement-breakpoint
CREATE TABLE `prefectures` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`auto_close_expired` integer DEFAULT false NOT NULL,
	`next_numero_sequence` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_user_id` integer,
	`applicant_id` integer,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`applicant_id`) REFERENCES `applicants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`prefecture_code` text,
	`full_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_unique` ON `staff_users` (`email`);