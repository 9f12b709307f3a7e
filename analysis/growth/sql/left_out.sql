-- Per kind and week: rows of the week's file that the row checks left out of the repository
-- counts (fact_<kind>__quality; analysis/snapshots/sql/clean.sql): rows repeating an id (one row
-- per id is kept) and rows without an id (dropped).
SELECT 'models' AS kind, week, duplicate_ids AS left_out_duplicates, null_or_empty_ids AS left_out_no_id
FROM fact_models__quality
UNION ALL
SELECT 'datasets', week, duplicate_ids, null_or_empty_ids FROM fact_datasets__quality
UNION ALL
SELECT 'spaces', week, duplicate_ids, null_or_empty_ids FROM fact_spaces__quality
