-- Audit events name their actor through actor_labels (schema.ts): a few hundred labels (staff
-- members' names as they were then, « Usager », « Système ») for millions of events, which each
-- kept theirs, about 13 bytes an event. The table is rebuilt with its ids and AUTOINCREMENT counter,
-- as in 0015; its append-only triggers and the view event_log, which reads the label back, are
-- created again.
CREATE TABLE `actor_labels` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actor_labels_label_unique` ON `actor_labels` (`label`);--> statement-breakpoint
INSERT INTO `actor_labels` (`label`) SELECT DISTINCT `actor_label` FROM `events` ORDER BY 1;--> statement-breakpoint
DROP VIEW event_log;--> statement-breakpoint
DELETE FROM `deferred_indexes` WHERE `name` = 'events_dossier_idx';--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_role` integer NOT NULL,
	`actor_label_id` integer NOT NULL,
	`action` integer NOT NULL,
	`dossier_id` integer,
	`before` blob,
	`after` blob,
	`piece` text,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`actor_label_id`) REFERENCES `actor_labels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_events` ("id", "at", "actor_id", "actor_role", "actor_label_id", "action", "dossier_id", "before", "after", "piece", "reason")
  SELECT e."id", e."at", e."actor_id", e."actor_role", l."id", e."action", e."dossier_id", e."before", e."after", e."piece", e."reason"
  FROM `events` e JOIN `actor_labels` l ON l."label" = e."actor_label" ORDER BY e."id";--> statement-breakpoint
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'events') WHERE name = '__new_events';--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `events_dossier_idx` ON `events` (`dossier_id`);--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
--> statement-breakpoint
CREATE VIEW event_log AS SELECT "id", "at", "actor_id", CASE "actor_role" WHEN 1 THEN 'agent' WHEN 2 THEN 'superviseur' WHEN 3 THEN 'admin' WHEN 4 THEN 'usager' WHEN 5 THEN 'systeme' ELSE "actor_role" END AS "actor_role", (SELECT "label" FROM actor_labels WHERE actor_labels.id = events.actor_label_id) AS "actor_label", CASE "action" WHEN 1 THEN 'deposit' WHEN 2 THEN 'abandon' WHEN 3 THEN 'take' WHEN 4 THEN 'review_piece' WHEN 5 THEN 'request_complement' WHEN 6 THEN 'reminder' WHEN 7 THEN 'add_file' WHEN 8 THEN 'remove_file' WHEN 9 THEN 'replace_ephoto' WHEN 10 THEN 'remove_ephoto' WHEN 11 THEN 'attach_received_file' WHEN 12 THEN 'submit_complements' WHEN 13 THEN 'complete' WHEN 14 THEN 'close_incomplete' WHEN 15 THEN 'assign' WHEN 16 THEN 'deadline_started' WHEN 17 THEN 'correct_email' WHEN 18 THEN 'resend_complement_request' WHEN 19 THEN 'staff_create' WHEN 20 THEN 'staff_update' WHEN 21 THEN 'staff_deactivate' WHEN 22 THEN 'staff_reactivate' WHEN 23 THEN 'staff_password_reset' WHEN 24 THEN 'prefecture_auto_close' ELSE "action" END AS "action", "dossier_id", CASE "before" WHEN 1 THEN 'brouillon' WHEN 2 THEN 'deposee' WHEN 3 THEN 'en_examen' WHEN 4 THEN 'complement_demande' WHEN 5 THEN 'complement_recu' WHEN 6 THEN 'complete' WHEN 7 THEN 'cloturee_incomplete' WHEN 8 THEN 'abandonnee' WHEN 9 THEN 'a_verifier' WHEN 10 THEN 'conforme' WHEN 11 THEN 'manquant' WHEN 12 THEN 'illisible' WHEN 13 THEN 'non_conforme' ELSE "before" END AS "before", CASE "after" WHEN 1 THEN 'brouillon' WHEN 2 THEN 'deposee' WHEN 3 THEN 'en_examen' WHEN 4 THEN 'complement_demande' WHEN 5 THEN 'complement_recu' WHEN 6 THEN 'complete' WHEN 7 THEN 'cloturee_incomplete' WHEN 8 THEN 'abandonnee' WHEN 9 THEN 'a_verifier' WHEN 10 THEN 'conforme' WHEN 11 THEN 'manquant' WHEN 12 THEN 'illisible' WHEN 13 THEN 'non_conforme' ELSE "after" END AS "after", CASE WHEN "piece" IS NULL THEN "reason" ELSE CASE "piece" WHEN 'photo' THEN 'EPHOTO' WHEN 'nat' THEN 'JUSTIFICATIF_NATIONALITE' WHEN 'id' THEN 'JUSTIFICATIF_IDENTITE' WHEN 'entree' THEN 'JUSTIFICATIF_ENTREE_REGULIERE' WHEN 'dom' THEN 'JUSTIFICATIF_DOMICILE' WHEN 'res' THEN 'JUSTIFICATIF_RESIDENCE_HABITUELLE' ELSE "piece" END || CASE WHEN "reason" = '' THEN '' ELSE ' : ' || "reason" END END AS "reason" FROM events;
