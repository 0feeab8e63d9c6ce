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
