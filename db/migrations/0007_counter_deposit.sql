ALTER TABLE `files` ADD `received_via` text;--> statement-breakpoint
ALTER TABLE `files` ADD `received_on` text;