-- The search index holds only what staff may find: deposited dossiers (staffDossierScope, the
-- statuses besides NEVER_DEPOSITED_STATUSES of packages/domain); a draft enters it when deposited.
-- Each row is numbered by its préfecture, its id and its status: partition × 2^32 + id × 16 +
-- status, the status 1 (deposee) to 6 (cloturee_incomplete) as SEARCH_STATUS_CODES in
-- db/src/search-index.ts. A search is then counted, per tab too, and a tab's matches found, from the
-- index alone, without looking up each match (~1.2 µs each: « di » counted for every tab of the Nord
-- took 29 ms at a million dossiers). A status change renumbers the row. The status below the id
-- keeps a préfecture's rows in the order of their ids, as a list's walk notes them (« ma »'s 36,014
-- matches noted out of order, status first: 12 → 21 ms).
-- Ids stay below 2^28 (268 million dossiers); the triggers refuse a status they do not number.
DROP TRIGGER dossiers_search_insert;
--> statement-breakpoint
DROP TRIGGER dossiers_search_delete;
--> statement-breakpoint
DROP TRIGGER dossiers_search_update;
--> statement-breakpoint
INSERT INTO dossiers_search (dossiers_search) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO dossiers_search (rowid, search_text)
  SELECT (coalesce(unicode(substr(dossiers.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(dossiers.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(dossiers.prefecture_code, 3, 1)), 0)) * 4294967296
      + (dossiers.id) * 16
      + (CASE dossiers.status WHEN 'deposee' THEN 1 WHEN 'en_examen' THEN 2 WHEN 'complement_demande' THEN 3 WHEN 'complement_recu' THEN 4 WHEN 'complete' THEN 5 WHEN 'cloturee_incomplete' THEN 6 END),
    search_text
  FROM dossiers WHERE status NOT IN ('brouillon', 'abandonnee');
--> statement-breakpoint
INSERT INTO dossiers_search (dossiers_search) VALUES ('optimize');
--> statement-breakpoint
CREATE TRIGGER dossiers_search_insert AFTER INSERT ON dossiers WHEN new.status NOT IN ('brouillon', 'abandonnee')
BEGIN
  INSERT INTO dossiers_search (rowid, search_text) VALUES (
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296
      + (CASE WHEN new.id < 268435456 THEN new.id ELSE RAISE(ABORT, 'dossier id beyond the search index numbering') END) * 16
      + (CASE new.status WHEN 'deposee' THEN 1 WHEN 'en_examen' THEN 2 WHEN 'complement_demande' THEN 3 WHEN 'complement_recu' THEN 4 WHEN 'complete' THEN 5 WHEN 'cloturee_incomplete' THEN 6 ELSE RAISE(ABORT, 'status missing from the search index numbering') END),
    new.search_text
  );
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_delete AFTER DELETE ON dossiers WHEN old.status NOT IN ('brouillon', 'abandonnee')
BEGIN
  DELETE FROM dossiers_search WHERE rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296
      + (old.id) * 16
      + (CASE old.status WHEN 'deposee' THEN 1 WHEN 'en_examen' THEN 2 WHEN 'complement_demande' THEN 3 WHEN 'complement_recu' THEN 4 WHEN 'complete' THEN 5 WHEN 'cloturee_incomplete' THEN 6 END);
END;
--> statement-breakpoint
CREATE TRIGGER dossiers_search_update AFTER UPDATE OF search_text, prefecture_code, status ON dossiers
  WHEN old.search_text IS NOT new.search_text OR old.prefecture_code IS NOT new.prefecture_code OR old.status IS NOT new.status
BEGIN
  DELETE FROM dossiers_search WHERE old.status NOT IN ('brouillon', 'abandonnee') AND rowid =
    (coalesce(unicode(substr(old.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(old.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(old.prefecture_code, 3, 1)), 0)) * 4294967296
      + (old.id) * 16
      + (CASE old.status WHEN 'deposee' THEN 1 WHEN 'en_examen' THEN 2 WHEN 'complement_demande' THEN 3 WHEN 'complement_recu' THEN 4 WHEN 'complete' THEN 5 WHEN 'cloturee_incomplete' THEN 6 END);
  INSERT INTO dossiers_search (rowid, search_text) SELECT
    (coalesce(unicode(substr(new.prefecture_code, 1, 1)), 0) * 65536
      + coalesce(unicode(substr(new.prefecture_code, 2, 1)), 0) * 256
      + coalesce(unicode(substr(new.prefecture_code, 3, 1)), 0)) * 4294967296
      + (CASE WHEN new.id < 268435456 THEN new.id ELSE RAISE(ABORT, 'dossier id beyond the search index numbering') END) * 16
      + (CASE new.status WHEN 'deposee' THEN 1 WHEN 'en_examen' THEN 2 WHEN 'complement_demande' THEN 3 WHEN 'complement_recu' THEN 4 WHEN 'complete' THEN 5 WHEN 'cloturee_incomplete' THEN 6 ELSE RAISE(ABORT, 'status missing from the search index numbering') END),
    new.search_text
  WHERE new.status NOT IN ('brouillon', 'abandonnee');
END;
