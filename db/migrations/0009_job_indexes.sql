-- Indexes for the jobs at national scale (issue #11): open requests by deadline (reminders,
-- answered requests, closures), the documents sent in answer to a request, and whether a content
-- is still referred to, by the first 16 hex digits of its SHA-256 (a quarter of the room of the
-- whole key; the query still compares the whole value).
CREATE INDEX `complement_requests_open_deadline_idx` ON `complement_requests` (`deadline_at`) WHERE `answered_at` IS NULL;--> statement-breakpoint
CREATE INDEX `dossiers_receipt_prefix_idx` ON `dossiers` (substr(`receipt_sha256`, 1, 16)) WHERE `receipt_sha256` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `files_sha256_prefix_idx` ON `files` (substr(`sha256`, 1, 16));--> statement-breakpoint
CREATE INDEX `files_complement_request_idx` ON `files` (`complement_request_id`) WHERE `complement_request_id` IS NOT NULL;
