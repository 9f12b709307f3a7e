-- DuckDB's external file cache reads a whole file through a registered fsspec filesystem
-- (seen with duckdb 2.0.1 and HfFileSystem: one GET of every byte before the first query);
-- without it DuckDB fetches the footer and then only the column chunks a query names.
SET enable_external_file_cache = false;
