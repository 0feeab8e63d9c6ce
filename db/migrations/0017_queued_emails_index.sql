-- The dispatcher's queue indexes only the e-mails still to send: at a million dossiers, 37 MiB of
-- index for two million e-mails already sent, which the dispatcher never reads.
DROP INDEX IF EXISTS `outbox_due_idx`;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_emails` (`next_attempt_at`) WHERE "outbox_emails"."status" = 'queued';
