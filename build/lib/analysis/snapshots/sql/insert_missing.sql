INSERT INTO missing_columns BY NAME SELECT kind, week, column_name FROM _snapshot_input
