-- Per week and pipeline_tag (NULL when the model has none): models, 30-day downloads, likes.
SELECT
    week,
    pipeline_tag,
    count(*) AS models,
    sum(downloads) AS downloads_30d,
    sum(likes) AS likes
FROM models
GROUP BY week, pipeline_tag
