-- Datasets per week and task category (read by analysis/datasets): the text after `task_categories:`
-- in tags, lower-cased. A dataset with several categories counts once under each; datasets
-- without any are not listed here (datasets__counts holds the totals).
-- (Tags are unnested in the select list: a lateral `FROM datasets, unnest(tags)` runs several
-- times slower in DuckDB.)
SELECT
    week,
    lower(substr(tag, length('task_categories:') + 1)) AS task,
    count(*) AS datasets,
    count(*) FILTER (WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY) AS created_week,
    CAST(sum(downloads) AS BIGINT) AS downloads
FROM (SELECT week, "createdAt", downloads, unnest(tags) AS tag FROM datasets)
WHERE starts_with(tag, 'task_categories:')
GROUP BY ALL
