-- The datasets $ids found in datasets week $week, with what their own tags say: licences,
-- size categories, modalities, languages, and the synthetic-data hints (tags among
-- $synthetic_tags, words of $synthetic_words in the id).
SELECT
    id,
    _id,
    gated,
    [substr(t, 9) FOR t IN tags IF starts_with(t, 'license:')] AS licences,
    [substr(t, 17) FOR t IN tags IF starts_with(t, 'size_categories:')] AS size_categories,
    mainSize AS main_size,
    [substr(t, 10) FOR t IN tags IF starts_with(t, 'modality:')] AS modalities,
    [substr(t, 10) FOR t IN tags IF starts_with(t, 'language:')] AS languages,
    [t FOR t IN tags IF list_contains($synthetic_tags, lower(t))] AS synthetic_tags,
    [w FOR w IN $synthetic_words IF contains(lower(id), w)] AS synthetic_words
FROM datasets
WHERE week = $week AND list_contains($ids, id)
ORDER BY id
