-- Tables describing what the snapshot views cover (created by analysis.snapshots.connect).
CREATE OR REPLACE TABLE weeks (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    path VARCHAR NOT NULL,        -- relative to the snapshot root
    revision VARCHAR NOT NULL,    -- dataset revision the file was recorded at
    sha256 VARCHAR NOT NULL,
    bytes BIGINT NOT NULL,
    rows BIGINT NOT NULL,         -- rows in the file (its metadata): before the row checks,
                                  -- so the view may hold fewer for the week (see <kind>__quality)
    era VARCHAR NOT NULL,         -- dated columns the file has (analysis.schema.era naming)
    repeat_of DATE,               -- previous week when this file repeats it byte for byte
    PRIMARY KEY (kind, week)
);
CREATE OR REPLACE TABLE missing_columns (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    column_name VARCHAR NOT NULL  -- a column of analysis.schema.COLUMNS[kind] the file lacks
);
CREATE OR REPLACE TABLE extra_columns (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    column_name VARCHAR NOT NULL, -- a column the file has that analysis.schema does not know
    type VARCHAR NOT NULL         -- its arrow type in that file
);
CREATE OR REPLACE TABLE unknown_fields (
    kind VARCHAR NOT NULL,
    week DATE NOT NULL,
    field VARCHAR NOT NULL,       -- a nested field of a known struct column that analysis.schema
                                  -- does not know, as a dotted path (safetensors.parameters.miku)
    type VARCHAR NOT NULL         -- its arrow type in that file
);
CREATE OR REPLACE TABLE snapshot (
    root VARCHAR NOT NULL,
    revision VARCHAR NOT NULL,
    generated BOOLEAN NOT NULL    -- true for the generated sample: never facts about the Hub
);
