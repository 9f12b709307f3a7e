-- The weeks present in the authors fact of kind $kind.
SELECT DISTINCT week FROM (
    SELECT 'models' AS kind, week FROM fact_models__authors
    UNION ALL
    SELECT 'datasets' AS kind, week FROM fact_datasets__authors
    UNION ALL
    SELECT 'spaces' AS kind, week FROM fact_spaces__authors
)
WHERE kind = $kind
ORDER BY week
