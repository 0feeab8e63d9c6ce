-- « Échéances » at national scale (issue #11): its figures and its workload table read kept counts
-- and covering indexes instead of visiting every dossier of the préfecture.
DROP INDEX `dossiers_scope_implicit_decision_idx`;--> statement-breakpoint
CREATE INDEX `dossiers_scope_implicit_decision_idx` ON `dossiers` (`prefecture_code`,`implicit_decision_at`,`status`);--> statement-breakpoint
-- The latest complement request e-mail of a dossier and its delivery state, read from the index alone.
DROP INDEX `outbox_dossier_idx`;--> statement-breakpoint
CREATE INDEX `outbox_dossier_idx` ON `outbox_emails` (`dossier_id`,`template`,`id`,`status`);--> statement-breakpoint
-- The delivery state of the latest complement request e-mail, on the dossier: « À clôturer » (overdue,
-- request delivered) counted from one index instead of looking up each dossier's e-mails.
ALTER TABLE `dossiers` ADD `request_email_status` text;--> statement-breakpoint
UPDATE `dossiers` SET `request_email_status` = (SELECT `status` FROM `outbox_emails`
    WHERE `dossier_id` = `dossiers`.`id` AND `template` = 'complement_request' ORDER BY `id` DESC LIMIT 1)
  WHERE `id` IN (SELECT `dossier_id` FROM `outbox_emails` WHERE `template` = 'complement_request');--> statement-breakpoint
DROP INDEX `dossiers_scope_status_deadline_idx`;--> statement-breakpoint
CREATE INDEX `dossiers_scope_status_deadline_idx` ON `dossiers` (`prefecture_code`,`status`,`deadline_at`,`request_email_status`);--> statement-breakpoint
CREATE TRIGGER outbox_request_email_insert AFTER INSERT ON outbox_emails
  WHEN new.template = 'complement_request' AND new.dossier_id IS NOT NULL
BEGIN
  UPDATE dossiers SET request_email_status = new.status WHERE id = new.dossier_id;
END;--> statement-breakpoint
CREATE TRIGGER outbox_request_email_update AFTER UPDATE OF status ON outbox_emails
  WHEN new.template = 'complement_request' AND new.dossier_id IS NOT NULL
BEGIN
  UPDATE dossiers SET request_email_status = new.status WHERE id = new.dossier_id
    AND new.id = (SELECT max(id) FROM outbox_emails WHERE dossier_id = new.dossier_id AND template = 'complement_request');
END;--> statement-breakpoint
-- When the applicant last answered, on the dossier: « Compléments reçus » sorted by it, and its oldest, from an index.
ALTER TABLE `dossiers` ADD `last_answered_at` integer;--> statement-breakpoint
UPDATE `dossiers` SET `last_answered_at` = (SELECT max(`answered_at`) FROM `complement_requests` WHERE `dossier_id` = `dossiers`.`id`)
  WHERE `id` IN (SELECT `dossier_id` FROM `complement_requests` WHERE `answered_at` IS NOT NULL);--> statement-breakpoint
CREATE INDEX `dossiers_scope_status_answered_idx` ON `dossiers` (`prefecture_code`,`status`,`last_answered_at`);--> statement-breakpoint
CREATE TRIGGER complement_requests_answered_insert AFTER INSERT ON complement_requests WHEN new.answered_at IS NOT NULL
BEGIN
  UPDATE dossiers SET last_answered_at = max(coalesce(last_answered_at, 0), new.answered_at) WHERE id = new.dossier_id;
END;--> statement-breakpoint
CREATE TRIGGER complement_requests_answered_update AFTER UPDATE OF answered_at ON complement_requests WHEN new.answered_at IS NOT NULL
BEGIN
  UPDATE dossiers SET last_answered_at = max(coalesce(last_answered_at, 0), new.answered_at) WHERE id = new.dossier_id;
END;--> statement-breakpoint
-- The counts kept per préfecture and status (0006) are kept per assignee too (0: nobody): the
-- workload table becomes a read of a few rows.
DROP TRIGGER dossier_counts_insert;--> statement-breakpoint
DROP TRIGGER dossier_counts_delete;--> statement-breakpoint
DROP TRIGGER dossier_counts_update;--> statement-breakpoint
DROP TABLE dossier_counts;--> statement-breakpoint
CREATE TABLE dossier_counts (
  prefecture_code TEXT NOT NULL,
  status TEXT NOT NULL,
  assignee_id INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (prefecture_code, status, assignee_id)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO dossier_counts (prefecture_code, status, assignee_id, count)
  SELECT coalesce(prefecture_code, ''), status, coalesce(assignee_id, 0), count(*) FROM dossiers GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE TRIGGER dossier_counts_insert AFTER INSERT ON dossiers
BEGIN
  INSERT INTO dossier_counts (prefecture_code, status, assignee_id, count)
    VALUES (coalesce(new.prefecture_code, ''), new.status, coalesce(new.assignee_id, 0), 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;--> statement-breakpoint
CREATE TRIGGER dossier_counts_delete AFTER DELETE ON dossiers
BEGIN
  UPDATE dossier_counts SET count = count - 1
    WHERE prefecture_code = coalesce(old.prefecture_code, '') AND status = old.status AND assignee_id = coalesce(old.assignee_id, 0);
END;--> statement-breakpoint
CREATE TRIGGER dossier_counts_update AFTER UPDATE OF status, prefecture_code, assignee_id ON dossiers
  WHEN old.status IS NOT new.status OR old.prefecture_code IS NOT new.prefecture_code OR old.assignee_id IS NOT new.assignee_id
BEGIN
  UPDATE dossier_counts SET count = count - 1
    WHERE prefecture_code = coalesce(old.prefecture_code, '') AND status = old.status AND assignee_id = coalesce(old.assignee_id, 0);
  INSERT INTO dossier_counts (prefecture_code, status, assignee_id, count)
    VALUES (coalesce(new.prefecture_code, ''), new.status, coalesce(new.assignee_id, 0), 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;
