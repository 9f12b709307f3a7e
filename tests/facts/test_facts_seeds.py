"""The fact store and the seeds (analysis/seeds/): a fact's code hash covers the seed files it
reads, so editing a seed recomputes exactly the facts that read it."""

from __future__ import annotations

from pathlib import Path

from conftest import WEEKS

from analysis.facts import definitions, store


def test_changing_a_seed_recomputes_only_the_facts_that_read_it(
    root: Path, cache: Path, own_seeds: Path
) -> None:
    before = {f.table: f.code_hash for f in definitions.facts()}
    store.build(root, cache=cache)
    with open(own_seeds / "domains.csv", "a", encoding="utf-8") as f:
        f.write("audio,audio\n")
    after = {f.table: f.code_hash for f in definitions.facts()}
    assert [t for t in before if before[t] != after[t]] == ["fact_datasets__domains"]
    report = store.build(root, cache=cache)
    assert report.computed == [("fact_datasets__domains", WEEKS[0])]
