-- Search by name or numéro, whole or partial: an FTS5 trigram index of dossiers.search_text (the
-- names and numéro, already lower-cased and accent-folded by normalizeSearchText; the tokenizer folds
-- diacritics too, for any row written another way). External content: the text is stored once, in
-- dossiers; the triggers keep the index in step with every insert, update and delete.
CREATE VIRTUAL TABLE dossiers_search USING fts5(
  search_text,
  content = 'dossiers',
  content_rowid = 'id',
  tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
INSERT INTO dossiers_search (dossiers_search) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers
BEGIN
  INSERT INTO dossiers_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers
BEGIN
  INSERT INTO dossiers_search (dossiers_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_update AFTER UPDATE OF search_text ON dossiers
BEGIN
  INSERT INTO dossiers_search (dossiers_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO dossiers_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- How many dossiers each préfecture has in each status, kept by triggers in the transaction that
-- writes the dossier: a workqueue's total without counting its rows on every page.
CREATE TABLE dossier_counts (
  prefecture_code TEXT NOT NULL,
  status TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (prefecture_code, status)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO dossier_counts (prefecture_code, status, count)
  SELECT coalesce(prefecture_code, ''), status, count(*) FROM dossiers GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER dossier_counts_insert AFTER INSERT ON dossiers
BEGIN
  INSERT INTO dossier_counts (prefecture_code, status, count) VALUES (coalesce(new.prefecture_code, ''), new.status, 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER dossier_counts_delete AFTER DELETE ON dossiers
BEGIN
  UPDATE dossier_counts SET count = count - 1 WHERE prefecture_code = coalesce(old.prefecture_code, '') AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER dossier_counts_update AFTER UPDATE OF status, prefecture_code ON dossiers
  WHEN old.status IS NOT new.status OR old.prefecture_code IS NOT new.prefecture_code
BEGIN
  UPDATE dossier_counts SET count = count - 1 WHERE prefecture_code = coalesce(old.prefecture_code, '') AND status = old.status;
  INSERT INTO dossier_counts (prefecture_code, status, count) VALUES (coalesce(new.prefecture_code, ''), new.status, 1)
    ON CONFLICT DO UPDATE SET count = count + 1;
END;

--> statement-breakpoint
-- E-mails keep their template's data and version, and are rendered when read: the full HTML and text
-- of every e-mail were most of the database.
ALTER TABLE `outbox_emails` ADD `data` text;
--> statement-breakpoint
ALTER TABLE `outbox_emails` ADD `template_version` integer DEFAULT 1 NOT NULL;
