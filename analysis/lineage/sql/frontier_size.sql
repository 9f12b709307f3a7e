-- How many (node, ancestor) pairs the last step of the walk added.
SELECT count(*) FROM lineage_frontier
