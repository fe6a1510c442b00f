-- tidings store, migration 003_title_quotes: a quotation in the headline ("Warren to Wells Fargo's
-- chief: ‘You Should Be Criminally Investigated’") is stored with offsets into the document's title.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS in_title BOOLEAN DEFAULT FALSE;
