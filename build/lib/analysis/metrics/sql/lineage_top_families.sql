-- Family sizes (derivatives, root excluded) per week for the $n largest families of the latest
-- week. Families are named by the root's id in the latest week it appears (so a renamed root
-- keeps one line; a root whose _id was missing in early weeks is matched by id to the _id that
-- carried that id first in a later week).
WITH
sizes AS (
    SELECT week, root_uid, count(*) - 1 AS derivatives
    FROM lineage_families
    GROUP BY ALL
),
-- a root keyed 'id:<id>' (a week without _id) is the _id that first carried <id> in a later week
alias AS (
    SELECT 'id:' || id AS uid, arg_min(_id, week) AS _id
    FROM fact_models__lineage_nodes
    WHERE _id IS NOT NULL
    GROUP BY id
),
canon AS (
    SELECT s.week, coalesce(a._id, s.root_uid) AS root_uid, s.derivatives
    FROM sizes s
    LEFT JOIN alias a ON a.uid = s.root_uid
),
names AS (SELECT uid, arg_max(id, week) AS name FROM lineage_labels GROUP BY uid),
named AS (
    SELECT c.week, coalesce(n.name, c.root_uid) AS family, sum(c.derivatives) AS derivatives
    FROM canon c
    LEFT JOIN names n ON n.uid = c.root_uid
    GROUP BY ALL
),
latest AS (SELECT max(week) AS week FROM lineage_families),
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
