-- The snapshot files behind the chosen weeks, as recorded by the snapshot layer's weeks table.
SELECT kind, week, path, revision, sha256, bytes, rows, era, repeat_of
FROM weeks
WHERE week >= CAST($first AS DATE) AND week <= CAST($last AS DATE)
ORDER BY week, kind
