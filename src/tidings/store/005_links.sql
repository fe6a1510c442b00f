-- tidings store, migration 005_links: reports linked across the store (src/tidings/link/).
-- Near-duplicate reports: each report's MinHash signature and LSH band keys, and the family it
-- belongs to (a report of its own is a family of one; the earliest member is canonical).
CREATE TABLE IF NOT EXISTS doc_minhash (
    doc_id VARCHAR PRIMARY KEY,
    signature UINTEGER[] NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_bands (
    band SMALLINT NOT NULL,
    key BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL,
    PRIMARY KEY (band, key, doc_id)
);
CREATE TABLE IF NOT EXISTS doc_families (
    doc_id VARCHAR PRIMARY KEY,
    family_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS families (
    family_id VARCHAR PRIMARY KEY,
    canonical_doc_id VARCHAR NOT NULL,
    size INTEGER NOT NULL
);
-- Event clusters: the same act told by many reports (docs/clusters.md gives the rule).
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR NOT NULL,      -- unique; no index: a batch rewrites whole keys' clusters
    type VARCHAR NOT NULL,
    source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
    date VARCHAR,
    date_precision VARCHAR NOT NULL,
    date_lo DATE, date_hi DATE,        -- the days the cluster's date allows (NULL: unknown)
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    goldstein DOUBLE,
    cameo VARCHAR,
    quad_class INTEGER,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    first_seen TIMESTAMP,
    last_seen TIMESTAMP
);
CREATE TABLE IF NOT EXISTS cluster_members (
    event_id VARCHAR NOT NULL,        -- unique, as above
    cluster_id VARCHAR NOT NULL
);
