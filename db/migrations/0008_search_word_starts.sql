-- Every word of search_text now follows a space (dossierSearchText): a leading space before the
-- first one, so that a 2-character word is looked up as the start of a word through the trigram
-- index (" li"). The update trigger of 0006 keeps dossiers_search in step.
UPDATE dossiers SET search_text = ' ' || search_text WHERE search_text IS NOT NULL AND substr(search_text, 1, 1) <> ' ';
