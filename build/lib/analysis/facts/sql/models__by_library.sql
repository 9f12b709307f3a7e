-- Per week and library_name (NULL when the model has none): models and 30-day downloads.
SELECT
    week,
    library_name,
    count(*) AS models,
    sum(downloads) AS downloads_30d
FROM models
GROUP BY week, library_name
