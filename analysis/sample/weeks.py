"""Generating weeks: every kind's population once, then one table per (kind, week)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from analysis.sample.clock import date_us, snapshot_us
from analysis.sample.datasets import DatasetPopulation, build_datasets, datasets_table
from analysis.sample.models import ModelPopulation, Refs, build_models
from analysis.sample.models_week import models_chunks
from analysis.sample.orgs import Accounts, build_accounts
from analysis.sample.papers import PaperPopulation, build_papers, papers_table
from analysis.sample.params import SampleParams
from analysis.sample.spaces import SpacePopulation, build_spaces, spaces_table


@dataclass
class World:
    """Everything generated for a run of weeks, before any week is cut from it."""

    params: SampleParams
    accounts: Accounts
    papers: PaperPopulation
    datasets: DatasetPopulation
    models: ModelPopulation
    spaces: SpacePopulation
    #: Card text of models weeks: ``compact`` (the bundled sample) or ``realistic`` (benchmark
    #: weeks, :mod:`analysis.sample.cardtext`).
    text_profile: str = "compact"

    @property
    def weeks(self) -> tuple[dt.date, ...]:
        return self.params.week_dates

    def table(self, kind: str, w: int) -> pa.Table:
        """The table of ``kind`` for week index ``w``."""
        return pa.concat_tables(list(self.chunks(kind, w)))

    def chunks(self, kind: str, w: int) -> Iterator[pa.Table]:
        """The table of ``kind`` for week index ``w`` in row chunks (bounded memory for big weeks)."""
        if kind == "models":
            yield from models_chunks(
                self.models,
                self.accounts,
                w,
                self.weeks[w],
                self.params.seed,
                text_profile=self.text_profile,
            )
        else:
            yield self._table(kind, w)

    def _table(self, kind: str, w: int) -> pa.Table:
        week = self.weeks[w]
        seed = self.params.seed
        if kind == "datasets":
            return datasets_table(self.datasets, w, week, seed, self.accounts)
        if kind == "spaces":
            return spaces_table(self.spaces, w, week, seed, self.accounts)
        if kind == "daily_papers":
            return papers_table(self.papers, week, self.accounts)
        raise ValueError(f"unknown kind {kind!r}")


def build_world(params: SampleParams) -> World:
    seed = params.seed
    weeks = params.week_dates
    start_us = date_us(weeks[0])
    end_us = snapshot_us(weeks[-1])
    accounts = build_accounts(seed, params.models)
    papers = build_papers(seed, params.n_papers, end_us, accounts)
    datasets = build_datasets(
        seed, params.n_datasets, len(weeks), start_us, end_us, accounts, papers.ids
    )
    ds_order = np.argsort(datasets.repos.created, kind="stable")
    refs = Refs(
        ds_created=datasets.repos.created[ds_order],
        ds_ids=datasets.repos.id0.take(pa.array(ds_order)),
        paper_published=papers.published,
        paper_ids=papers.ids,
    )
    models = build_models(seed, params.models, len(weeks), start_us, end_us, accounts, refs)
    spaces = build_spaces(seed, params.n_spaces, len(weeks), start_us, end_us, accounts)
    return World(params, accounts, papers, datasets, models, spaces)
