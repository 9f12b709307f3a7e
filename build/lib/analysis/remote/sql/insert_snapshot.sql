INSERT INTO snapshot VALUES ($root, $revision, false);
