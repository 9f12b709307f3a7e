-- Family membership of one week: node, root, depth below the root, and how the root was found.
SELECT node_uid, root_uid, depth, root_kind FROM lineage_families WHERE week = $week
ORDER BY root_uid, depth, node_uid
