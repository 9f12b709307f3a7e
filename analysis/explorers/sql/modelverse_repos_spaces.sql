-- ModelVerse: the $n most liked spaces (spaces have no download count; ties by id) of each owner
-- in $authors in week $week.
SELECT author, id, CAST(NULL AS BIGINT) AS downloads, CAST(likes AS BIGINT) AS likes,
       CAST(row_number() OVER (PARTITION BY author ORDER BY likes DESC NULLS LAST, id) AS BIGINT) AS rank
FROM spaces
WHERE week = $week AND author IN (SELECT unnest(CAST($authors AS VARCHAR[])))
QUALIFY rank <= $n
ORDER BY author, rank
