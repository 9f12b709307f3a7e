INSERT INTO unknown_fields BY NAME SELECT kind, week, field, type FROM _snapshot_input
