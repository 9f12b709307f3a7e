-- One row per week: papers listed, papers with an organization, total upvotes and comments.
SELECT
    week,
    count(*) AS papers,
    count(*) FILTER (WHERE organization IS NOT NULL) AS with_organization,
    sum(paper_upvotes) AS upvotes,
    sum(numComments) AS comments
FROM daily_papers
GROUP BY week
