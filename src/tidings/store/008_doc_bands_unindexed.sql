-- tidings store, migration 008_doc_bands_unindexed: doc_bands without its primary key. The key's
-- index held 32 entries a report in memory (DuckDB keeps an index whole in memory: about 1.5 KB a
-- report, most of the store's index memory on a long stream), and nothing needs it: a report is
-- signed once (link/families.py signs only reports without a signature), and its candidates are
-- found by a join on (band, key), which reads the table, not the index.
CREATE TABLE doc_bands_unindexed AS SELECT band, key, doc_id FROM doc_bands;
DROP TABLE doc_bands;
ALTER TABLE doc_bands_unindexed RENAME TO doc_bands;
