-- 001: documents, events, mentions, actors (see docs/STORE.md).
-- Plain SQL that DuckDB and PostgreSQL both accept; statements end with a semicolon.

CREATE TABLE documents (
    doc_key TEXT PRIMARY KEY,          -- sha256(outlet NUL normalised text); failed: of origin
    content_hash TEXT,                 -- sha256 of the normalised text
    doc_id TEXT,                       -- the input id
    title TEXT,
    source TEXT,                       -- outlet
    url TEXT,
    date DATE,                         -- publication date
    origin TEXT,                       -- file:line
    language TEXT,
    status TEXT NOT NULL,              -- coded | skipped | failed
    reason TEXT,                       -- why skipped or failed
    num_events INTEGER NOT NULL DEFAULT 0,
    text TEXT,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE events (
    event_id BIGINT PRIMARY KEY,       -- GLOBALEVENTID
    date DATE,                         -- day of the first mention: the dedup window is around it
    cameo_root TEXT NOT NULL,
    source_country TEXT,
    source_sector TEXT,
    target_country TEXT,
    target_sector TEXT,
    location_country TEXT,
    negated BOOLEAN NOT NULL,
    modality TEXT NOT NULL,
    first_doc_key TEXT NOT NULL,       -- the mention that describes the event
    first_mention_id TEXT NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_documents INTEGER NOT NULL
);

CREATE INDEX events_dedup ON events (cameo_root, date);

CREATE TABLE mentions (
    doc_key TEXT NOT NULL,
    mention_id TEXT NOT NULL,          -- the coder's event_id
    event_id BIGINT NOT NULL,
    doc_id TEXT NOT NULL,
    story_index INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    source_text TEXT, source_name TEXT, source_code TEXT, source_country TEXT,
    source_sector TEXT, source_group TEXT, source_id TEXT,
    target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
    target_sector TEXT, target_group TEXT, target_id TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    cameo_name TEXT,
    plover TEXT,
    plover_mode TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    negated BOOLEAN NOT NULL,
    modality TEXT NOT NULL,
    speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, speaker_country TEXT,
    speaker_sector TEXT, speaker_group TEXT, speaker_id TEXT,
    reported_by TEXT,
    date TEXT,                         -- YYYY-MM-DD, YYYY-MM or YYYY as coded
    date_basis TEXT,
    location_name TEXT,
    location_country TEXT,
    location_lat DOUBLE PRECISION,
    location_lon DOUBLE PRECISION,
    location_geonameid BIGINT,
    killed INTEGER,
    injured INTEGER,
    arrested INTEGER,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (doc_key, mention_id)
);

CREATE INDEX mentions_event ON mentions (event_id);

CREATE TABLE actors (
    actor_key TEXT PRIMARY KEY,        -- knowledge-base id, else code, else name
    code TEXT,
    name TEXT,
    country TEXT,
    sector TEXT,
    group_id TEXT,
    kb_id TEXT
);
