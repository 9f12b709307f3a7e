-- The temporary tables growth_observed and growth_daily, dropped after each metric.
DROP TABLE IF EXISTS growth_daily;
DROP TABLE IF EXISTS growth_observed;
