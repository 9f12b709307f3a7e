INSERT INTO weeks VALUES ($kind, $week, $path, $revision, $sha256, $bytes, $rows, $era, $repeat_of);
