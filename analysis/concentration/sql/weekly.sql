-- Attention concentration per week and measure from fact_models__concentration, within
-- [$start, $end], for measure $measure (NULL: all). Shares are of the models with a value:
-- zero_share = n_zero / n; top1_share = top1_total / total; null_share = (rows - n) / rows.
SELECT
    c.week,
    c.measure,
    c.rows,
    c.n,
    CASE WHEN c.rows > 0 THEN (c.rows - c.n) / c.rows END AS null_share,
    c.n_zero,
    CASE WHEN c.n > 0 THEN c.n_zero / c.n END AS zero_share,
    c.total,
    c.top1_n,
    CASE WHEN c.total > 0 THEN c.top1_total / c.total END AS top1_share,
    c.gini,
    w.repeat_of,
    w.repeat_of IS NOT NULL AS is_repeat
FROM fact_models__concentration AS c
LEFT JOIN weeks AS w ON w.kind = 'models' AND w.week = c.week
WHERE ($measure IS NULL OR c.measure = $measure)
  AND ($start IS NULL OR c.week >= $start) AND ($end IS NULL OR c.week <= $end)
ORDER BY c.measure, c.week
