-- Per week and measure: rows of the week's file the row checks left out of concentration
-- (fact_models__quality; analysis/snapshots/sql/clean.sql makes these values NULL):
-- negative counts and counts that are not whole numbers. All-time downloads are not checked.
SELECT week, 'downloads' AS measure, negative_downloads AS left_out_negative,
    non_integer_downloads AS left_out_non_integer
FROM fact_models__quality
UNION ALL
SELECT week, 'likes' AS measure, negative_likes, non_integer_likes
FROM fact_models__quality
