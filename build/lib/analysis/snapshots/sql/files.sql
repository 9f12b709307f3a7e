SELECT kind, path FROM weeks ORDER BY kind, week
