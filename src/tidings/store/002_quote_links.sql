-- tidings store, migration 002_quote_links: a quote's relay chain, its quoted parts, and the events
-- coded from its sentences (JSON lists; empty when there are none).
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS relays JSON DEFAULT '[]';
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS parts JSON DEFAULT '[]';
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS event_ids JSON DEFAULT '[]';
