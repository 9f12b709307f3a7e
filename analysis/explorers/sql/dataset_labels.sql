-- reads seeds: domains
-- Dataset explorer: the task categories and domains of the datasets $ids in snapshot week
-- $week, one row per dataset id found. task_categories: the text after `task_categories:` in
-- tags, lower-cased, distinct and sorted. domains: the domains whose keywords match a tag's text
-- after the last ':' (lower-cased), sorted; the keywords are analysis/seeds/domains.csv, as for
-- the fact datasets__domains.
WITH d AS (
    SELECT id, coalesce(tags, []) AS tags
    FROM datasets
    WHERE week = $week AND list_contains($ids, id)
),
words AS (
    SELECT id, lower(regexp_extract(t, '[^:]*$')) AS word
    FROM d, unnest(d.tags) AS u(t)
),
doms AS (
    SELECT w.id, list_sort(list_distinct(list(k.domain))) AS domains
    FROM words AS w
    JOIN seed_domains AS k ON k.keyword = w.word
    GROUP BY w.id
),
tasks AS (
    SELECT id, list_sort(list_distinct(list(lower(substr(t, length('task_categories:') + 1))))) AS task_categories
    FROM d, unnest(d.tags) AS u(t)
    WHERE starts_with(t, 'task_categories:')
    GROUP BY id
)
SELECT
    d.id,
    coalesce(tasks.task_categories, []) AS task_categories,
    coalesce(doms.domains, []) AS domains
FROM (SELECT DISTINCT id FROM d) AS d
LEFT JOIN tasks USING (id)
LEFT JOIN doms USING (id)
ORDER BY d.id
