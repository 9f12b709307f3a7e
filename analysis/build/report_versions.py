"""The report versions a build publishes: the chosen weeks, each a new version folder unless an
identical one is published (:mod:`analysis.reports.versions`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis.build.options import BuildOptions, root_parameter, site_url
from analysis.errors import HubObsError

TEMPLATE = "reports/_template.ipynb"
REPORTS_DIR = "reports"


def choose_weeks(root: Path, count: int, explicit: Sequence[dt.date]) -> list[dt.date]:
    """The report weeks: ``explicit`` ones, else the latest ``count`` weeks of the counted kinds."""
    from analysis.snapshots import SnapshotRoot
    from analysis.week import COUNTED_KINDS

    sroot = SnapshotRoot(root)
    have = sorted({w for k in COUNTED_KINDS for w in sroot.weeks(k)})
    if explicit:
        missing = [w for w in explicit if w not in have]
        if missing:
            raise HubObsError(
                f"{root}: no models, datasets or spaces file for week(s) {', '.join(map(str, missing))}; "
                f"latest weeks: {', '.join(map(str, have[-5:])) or 'none'}"
            )
        return sorted(set(explicit))
    return have[-count:] if count > 0 else []


def check_reports_source(reports_dir: Path, generated: bool) -> None:
    """Refuse to mix report versions built from the generated sample with real ones."""
    from analysis.reports.versions import versions

    other = [
        v.slug
        for v in versions(reports_dir)
        if bool(v.provenance().get("dataset", {}).get("generated_sample")) != generated
    ]
    if other:
        what = "the generated sample" if not generated else "real data"
        raise HubObsError(
            f"{reports_dir}: report version(s) {', '.join(other)} were built from {what}; this build "
            f"uses {'the generated sample' if generated else 'real data'}. The two are never published "
            "together: move those folders away (nothing was changed)."
        )


def publish_reports(opts: BuildOptions, weeks: Sequence[dt.date]) -> list[Any]:
    from analysis.reports.versions import publish
    from analysis.snapshots.sources import provenance

    reports_dir = opts.project / REPORTS_DIR
    template = opts.project / TEMPLATE
    root_param = root_parameter(opts.root)
    out = []
    for week in weeks:
        prov = provenance(opts.root, weeks=[week])
        check_reports_source(reports_dir, prov.generated)
        result = publish(
            week,
            prov,
            reports_dir=reports_dir,
            template=template,
            parameters={"root": root_param},
            site_url=site_url(opts.project),
            new_version=opts.new_version,
        )
        state = "published" if result.created else "unchanged, already published as"
        opts.log(f"build: report {week}: {state} {result.version.url_path}")
        out.append(result)
    from analysis.reports.index import write_all  # index.json, changes, feed (every version)

    written = write_all(opts.project, site_url(opts.project))
    opts.log(f"build: {', '.join(p.name for p in written)} written")
    return out
