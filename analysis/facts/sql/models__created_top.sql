-- The models created during each week (createdAt in [week, week + 7 days)) with the most 30-day
-- downloads and the most likes (read by analysis/growth, the week's report): the 50 first by
-- each measure (a repo in both lists is one row). Ties are broken by id so the lists are
-- deterministic; a NULL count ranks last. rank_downloads / rank_likes: the repo's place by each
-- measure among the week's new models (1 = most). `week` stays a key.
WITH c AS (
    SELECT week, id, author, "createdAt" AS created, downloads, likes
    FROM models
    WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY
),
ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY week ORDER BY downloads DESC NULLS LAST, id) AS rank_downloads,
        row_number() OVER (PARTITION BY week ORDER BY likes DESC NULLS LAST, id) AS rank_likes
    FROM c
)
SELECT
    week,
    id,
    author,
    created,
    downloads,
    likes,
    CAST(rank_downloads AS INTEGER) AS rank_downloads,
    CAST(rank_likes AS INTEGER) AS rank_likes
FROM ranked
WHERE rank_downloads <= 50 OR rank_likes <= 50
