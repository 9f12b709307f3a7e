-- ModelVerse: the $n most downloaded datasets (30-day downloads, ties by id) of each owner in
-- $authors in week $week.
SELECT author, id, CAST(downloads AS BIGINT) AS downloads, CAST(likes AS BIGINT) AS likes,
       CAST(row_number() OVER (PARTITION BY author ORDER BY downloads DESC NULLS LAST, id) AS BIGINT) AS rank
FROM datasets
WHERE week = $week AND author IN (SELECT unnest(CAST($authors AS VARCHAR[])))
QUALIFY rank <= $n
ORDER BY author, rank
