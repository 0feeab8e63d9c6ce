-- Whether a content is still referred to is looked up on its first 4 bytes instead of 8: one
-- chance in four billion that two contents share them (both rows are then read), and about a
-- quarter less room for the index of five million files at a million dossiers.
DELETE FROM `deferred_indexes` WHERE `name` = 'files_sha256_prefix_idx';--> statement-breakpoint
DROP INDEX IF EXISTS `files_sha256_prefix_idx`;--> statement-breakpoint
CREATE INDEX `files_sha256_prefix_idx` ON `files` (substr(`sha256`, 1, 4));
