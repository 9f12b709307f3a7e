-- Tables describing what the remote views cover (created by analysis.remote.remote_connect);
-- the same names and columns as the local snapshot layer's (analysis/snapshots/sql/tables.sql).
CREATE OR REPLACE TABLE weeks (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    path VARCHAR NOT NULL,        -- in the Hub dataset repo (and in a snapshot root)
    revision VARCHAR NOT NULL,    -- the commit sha the file is read at
    sha256 VARCHAR NOT NULL,      -- as the Hub lists it (LFS oid)
    bytes BIGINT NOT NULL,
    rows BIGINT NOT NULL,
    era VARCHAR NOT NULL,         -- dated columns the file has (analysis.schema.era naming)
    repeat_of DATE,               -- previous week on the Hub when this file repeats it byte for byte
    PRIMARY KEY (kind, week)
);
CREATE OR REPLACE TABLE missing_columns (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    column_name VARCHAR NOT NULL  -- a column of analysis.schema.COLUMNS[kind] the file lacks
);
CREATE OR REPLACE TABLE snapshot (
    root VARCHAR NOT NULL,
    revision VARCHAR NOT NULL,
    generated BOOLEAN NOT NULL
);
