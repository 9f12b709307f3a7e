-- The files behind the views of this connection (for analysis.provenance.Provenance).
SELECT w.kind, w.week, w.path, w.revision, w.sha256, w.bytes, w.rows
FROM weeks w
ORDER BY w.kind, w.week
