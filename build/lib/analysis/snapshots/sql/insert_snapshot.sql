INSERT INTO snapshot VALUES ($root, $revision, $generated)
