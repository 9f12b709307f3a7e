-- ModelVerse: the $n owners of each kind of organization holding the most repositories (models,
-- datasets and spaces together; ties by downloads, then by name) in explorers_mv_authors
-- (repositories without an owner are no organization).
SELECT
    author, org_kind, country, models, datasets, spaces, derivatives, downloads,
    CAST(row_number() OVER (
        PARTITION BY org_kind ORDER BY models + datasets + spaces DESC, downloads DESC, author
    ) AS BIGINT) AS rank
FROM explorers_mv_authors
WHERE author IS NOT NULL
QUALIFY rank <= $n
ORDER BY org_kind, rank
