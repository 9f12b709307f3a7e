-- Per week and licence tag (the text after `license:` in tags): models carrying it.
-- A model with several licence tags counts once under each; models with none are not listed.
SELECT
    week,
    substr(tag, length('license:') + 1) AS license,
    count(*) AS models
FROM (SELECT week, unnest(tags) AS tag FROM models)
WHERE starts_with(tag, 'license:')
GROUP BY week, substr(tag, length('license:') + 1)
