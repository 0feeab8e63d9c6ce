-- A file's SHA-256 as its 32 bytes instead of 64 hexadecimal characters (schema.ts, sha256Bytes):
-- the files table rebuilt, its ids and AUTOINCREMENT counter kept, the prefix index on 8 bytes.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`piece_id` integer NOT NULL,
	`sha256` blob NOT NULL,
	`size` integer NOT NULL,
	`detected_type` text NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_applicant_id` integer,
	`uploaded_by_staff_id` integer,
	`uploaded_at` integer NOT NULL,
	`complement_request_id` integer,
	`late` integer DEFAULT false NOT NULL,
	`received_via` text,
	`received_on` text,
	FOREIGN KEY (`piece_id`) REFERENCES `pieces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_applicant_id`) REFERENCES `applicants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complement_request_id`) REFERENCES `complement_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_files`("id", "piece_id", "sha256", "size", "detected_type", "original_name", "uploaded_by_applicant_id", "uploaded_by_staff_id", "uploaded_at", "complement_request_id", "late", "received_via", "received_on") SELECT "id", "piece_id", unhex("sha256"), "size", "detected_type", "original_name", "uploaded_by_applicant_id", "uploaded_by_staff_id", "uploaded_at", "complement_request_id", "late", "received_via", "received_on" FROM `files`;--> statement-breakpoint
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'files') WHERE name = '__new_files';--> statement-breakpoint
DROP TABLE `files`;--> statement-breakpoint
ALTER TABLE `__new_files` RENAME TO `files`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `files_piece_idx` ON `files` (`piece_id`);--> statement-breakpoint
CREATE INDEX `files_sha256_prefix_idx` ON `files` (substr(`sha256`, 1, 8));--> statement-breakpoint
CREATE INDEX `files_complement_request_idx` ON `files` (`complement_request_id`) WHERE "files"."complement_request_id" IS NOT NULL;