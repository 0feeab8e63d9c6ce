-- The mailbox lists e-mails newest first: its page walks this index and stops at its 25 rows, where
-- a préfecture's page read and sorted every e-mail of its dossiers (3.4 s at a million dossiers).
CREATE INDEX IF NOT EXISTS `outbox_created_idx` ON `outbox_emails` (`created_at`);
