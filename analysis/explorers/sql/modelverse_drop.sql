DROP TABLE IF EXISTS explorers_mv_authors
