INSERT INTO weeks BY NAME SELECT kind, week, path, revision, sha256, bytes, rows, era, repeat_of FROM _snapshot_input
