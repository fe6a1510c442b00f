-- tidings store, migration 007_link_spans: what lets a batch recluster only the groups it touches
-- (src/tidings/link/clusters.py). A cluster keeps its date anchor (the events of one type, dyad
-- and anchor are clustered together); each distinct span of days an event's date allows, by type
-- and dyad, keeps the anchor it gives (a span's anchor depends on the other spans of its type and
-- dyad only, so a batch recomputes those few rows, not the events). A store linked before this
-- migration has its clusters without anchors and no spans: its next link reclusters it whole.
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS anchor VARCHAR;
CREATE TABLE IF NOT EXISTS link_spans (
    type VARCHAR NOT NULL,
    sc VARCHAR NOT NULL,               -- source country ('' when none), as clustering compares it
    tc VARCHAR NOT NULL,
    prec VARCHAR NOT NULL,
    lo DATE NOT NULL,
    hi DATE NOT NULL,
    anchor VARCHAR
);
