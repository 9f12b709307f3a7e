-- The temporary tables of one lifecycle metric, dropped after it.
DROP TABLE IF EXISTS lifecycle_descendants;
DROP TABLE IF EXISTS lifecycle_releases;
