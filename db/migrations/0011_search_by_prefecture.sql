-- The search index partitioned by préfecture: a dossier's row in dossiers_search is numbered
-- partition × 2^32 + dossier id, the partition spelled from the préfecture code's characters (at most
-- 3, ASCII: numero.ts), 0 without a préfecture. A search within one préfecture reads only its range
-- of the index (a rowid range FTS5 seeks to) instead of the nation's matches, each looked up to keep
-- the préfecture's. The index stores no text (contentless: the text is dossiers.search_text); the
-- expression is the one of searchPartition in apps/api/src/features/dossiers/search.ts.
DROP TRIGGER dossiers_search_insert;
--> statement-breakpoint
DROP TRIGGER dossiers_search_delete;
--> statement-breakpoint
DROP TRIGGER dossiers_search_update;
--> statement-breakpoint
DROP TABLE dossiers_search;
--> statement-breakpoint
CREATE VIRTUAL TABLE dossiers_search USING fts5(
  search_text,
  content = '',
  contentless_delete = 1,
  tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
INSERT INTO dossiers_search (rowid, search_text)
  SELECT (coalesce(unicode(substr(prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(prefecture_code, 3, 1)), 0)) * 4294967296 + id,
    search_text
  FROM dossiers;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers
BEGIN
  INSERT INTO dossiers_search (rowid, search_text) VALUES (
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296 + new.id,
    new.search_text
  );
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers
BEGIN
  DELETE FROM dossiers_search WHERE rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296 + old.id;
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_update AFTER UPDATE OF search_text, prefecture_code ON dossiers
  WHEN old.search_text IS NOT new.search_text OR old.prefecture_code IS NOT new.prefecture_code
BEGIN
  DELETE FROM dossiers_search WHERE rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296 + old.id;
  INSERT INTO dossiers_search (rowid, search_text) VALUES (
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296 + new.id,
    new.search_text
  );
END;
