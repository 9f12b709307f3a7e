INSERT INTO extra_columns BY NAME SELECT kind, week, column_name, type FROM _snapshot_input
