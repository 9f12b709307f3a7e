INSERT INTO missing_columns VALUES ($kind, $week, $column_name);
