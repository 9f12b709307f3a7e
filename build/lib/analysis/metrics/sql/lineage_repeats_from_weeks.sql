CREATE OR REPLACE TEMP VIEW lineage_repeats AS
SELECT week, any_value(repeat_of) AS repeat_of FROM weeks WHERE kind = 'models' GROUP BY week
