-- Datasets per week and task category (owner: analysis 4): the text after `task_categories:`
-- in tags, lower-cased. A dataset with several categories counts once under each; datasets
-- without any are not listed here (datasets__counts holds the totals).
SELECT
    week,
    lower(substr(t.tag, length('task_categories:') + 1)) AS task,
    count(*) AS datasets,
    count(*) FILTER (WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY) AS created_week,
    CAST(sum(downloads) AS BIGINT) AS downloads
FROM datasets, unnest(tags) AS t(tag)
WHERE starts_with(t.tag, 'task_categories:')
GROUP BY ALL
