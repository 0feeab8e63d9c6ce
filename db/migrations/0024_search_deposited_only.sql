-- The search index holds only what staff may find: deposited dossiers (staffDossierScope, the
-- statuses besides NEVER_DEPOSITED_STATUSES of packages/domain). A search's total within a préfecture
-- is then the count of its part of the index, read without looking up each match (12,937 for « di »
-- in the Nord at a million dossiers, ~1.2 µs each); a draft enters the index when it is deposited.
-- Numbered as in 0011: partition × 2^32 + dossier id.
DROP TRIGGER dossiers_search_insert;
--> statement-breakpoint
DROP TRIGGER dossiers_search_delete;
--> statement-breakpoint
DROP TRIGGER dossiers_search_update;
--> statement-breakpoint
DELETE FROM dossiers_search WHERE rowid IN (
  SELECT (coalesce(unicode(substr(dossiers.prefecture_code, 1, 1)), 0) * 65536
        + coalesce(unicode(substr(dossiers.prefecture_code, 2, 1)), 0) * 256
        + coalesce(unicode(substr(dossiers.prefecture_code, 3, 1)), 0)) * 4294967296 + dossiers.id
  FROM dossiers WHERE status IN ('brouillon', 'abandonnee')
);
--> statement-breakpoint
INSERT INTO dossiers_search (dossiers_search) VALUES ('optimize');
--> statement-breakpoint
CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers WHEN new.status NOT IN ('brouillon', 'abandonnee')
BEGIN
  INSERT INTO dossiers_search (rowid, search_text) VALUES (
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296 + new.id,
    new.search_text
  );
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers WHEN old.status NOT IN ('brouillon', 'abandonnee')
BEGIN
  DELETE FROM dossiers_search WHERE rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296 + old.id;
END;
--> statement-breakpoint
-- Deposit (a draft's status becomes a deposited one) adds the dossier; a status change between
-- deposited statuses leaves the index alone.
CREATE TRIGGER dossiers_search_update AFTER UPDATE OF search_text, prefecture_code, status ON dossiers
  WHEN old.search_text IS NOT new.search_text OR old.prefecture_code IS NOT new.prefecture_code
    OR (old.status IN ('brouillon', 'abandonnee')) <> (new.status IN ('brouillon', 'abandonnee'))
BEGIN
  DELETE FROM dossiers_search WHERE old.status NOT IN ('brouillon', 'abandonnee') AND rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296 + old.id;
  INSERT INTO dossiers_search (rowid, search_text) SELECT
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296 + new.id,
    new.search_text
  WHERE new.status NOT IN ('brouillon', 'abandonnee');
END;
