-- The releases built by releases.sql, in a stable order.
SELECT * FROM lifecycle_releases ORDER BY line, generation, release_created, release_id
