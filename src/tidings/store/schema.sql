-- tidings store, migration 001_initial. Offsets are character offsets into documents.text.
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,      -- hash of the cleaned text
    ref VARCHAR NOT NULL,            -- the input's id or path (first seen)
    source VARCHAR NOT NULL,
    title VARCHAR,
    published TIMESTAMP,
    date_precision VARCHAR NOT NULL,
    dateline_place VARCHAR,
    outlet VARCHAR,
    language VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    dropped JSON NOT NULL,           -- [{text, reason}] lines removed as debris, for audit
    stored_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS doc_refs (
    doc_id VARCHAR NOT NULL,
    ref VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, ref)
);
CREATE TABLE IF NOT EXISTS rejections (
    source VARCHAR NOT NULL,
    ref VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    rejected_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (ref, reason)
);
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR,
    kind VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    sector VARCHAR,                  -- the role on the report's date (people change office)
    how VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, start_char, end_char)
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    contexts VARCHAR[] NOT NULL,
    cameo VARCHAR,
    goldstein DOUBLE,
    quad_class INTEGER,
    source_text VARCHAR, source_actor VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_text VARCHAR, target_actor VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date VARCHAR,
    date_precision VARCHAR NOT NULL,
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    negated BOOLEAN NOT NULL,
    modality VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    rule VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    trigger VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    speaker_text VARCHAR, speaker_actor VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR,
    relay_text VARCHAR, relay_actor VARCHAR, relay_name VARCHAR, relay_country VARCHAR, relay_sector VARCHAR,
    cue VARCHAR
);
