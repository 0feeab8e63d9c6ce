-- Pieces keep their code in a few letters (schema.ts, STORED_PIECE_CODES) instead of its full name:
-- about 25 bytes less per row and per entry of the unique index (dossier_id, code), on millions of rows.
UPDATE pieces SET code = CASE code
  WHEN 'EPHOTO' THEN 'photo'
  WHEN 'JUSTIFICATIF_NATIONALITE' THEN 'nat'
  WHEN 'JUSTIFICATIF_IDENTITE' THEN 'id'
  WHEN 'JUSTIFICATIF_ENTREE_REGULIERE' THEN 'entree'
  WHEN 'JUSTIFICATIF_DOMICILE' THEN 'dom'
  WHEN 'JUSTIFICATIF_RESIDENCE_HABITUELLE' THEN 'res'
  ELSE code
END;
