-- Family sizes (derivatives, root excluded) per week for the $n largest families of the latest
-- week, from the per-week fact fact_models__family_sizes (families of each week's graph, parents
-- resolved within that week; see analysis/facts/sql/models__family_sizes.sql), so no week's tree
-- is built here. A family is followed across weeks by its root's key (_id); a root keyed
-- 'id:<id>' (a week without _id, or a parent named by an id no model of that week has, such as an
-- old name) is the family whose root carried <id> in the earliest other week where it had a key
-- of its own. Families are named by the root's id in the latest week they appear, and families
-- with the same name are one line.
WITH
f AS (SELECT week, root_uid, root_label, derivatives FROM fact_models__family_sizes),
alias AS (
    SELECT 'id:' || root_label AS uid, arg_min(root_uid, week) AS canon
    FROM f
    WHERE NOT starts_with(root_uid, 'id:') AND root_label IS NOT NULL
    GROUP BY root_label
),
canon AS (
    SELECT
        f.week,
        coalesce(a.canon, f.root_uid) AS key,
        a.canon IS NULL AS own_key,
        f.root_label,
        f.derivatives
    FROM f
    LEFT JOIN alias a ON a.uid = f.root_uid
),
-- the latest week's name; in that week the root keyed by the key itself names it (not an alias)
names AS (
    SELECT key, arg_max(coalesce(root_label, key), epoch(week) * 2 + CAST(own_key AS INTEGER)) AS name
    FROM canon
    GROUP BY key
),
named AS (
    SELECT c.week, n.name AS family, sum(c.derivatives) AS derivatives
    FROM canon c
    JOIN names n USING (key)
    GROUP BY ALL
),
latest AS (SELECT max(week) AS week FROM fact_models__lineage_nodes),
top AS (
    SELECT family, derivatives AS latest_derivatives
    FROM named
    WHERE week = (SELECT week FROM latest) AND derivatives > 0
    ORDER BY derivatives DESC, family
    LIMIT $n
)
SELECT n.week, n.family, CAST(n.derivatives AS BIGINT) AS derivatives,
       CAST(t.latest_derivatives AS BIGINT) AS latest_derivatives
FROM named n
JOIN top t USING (family)
ORDER BY n.week, t.latest_derivatives DESC, n.family
