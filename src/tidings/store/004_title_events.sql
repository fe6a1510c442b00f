-- tidings store, migration 004_title_events: an event told in the headline ("Libya eases
-- restrictions on civil society groups") is stored with offsets into the document's title.
ALTER TABLE events ADD COLUMN IF NOT EXISTS in_title BOOLEAN DEFAULT FALSE;
