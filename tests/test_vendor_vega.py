"""The vendored Vega builds: checksums, pins, versions Altair expects, no CDN at run time."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import altair as alt
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.publish import VENDOR_DIR, VENDOR_FILES

VENDOR = PROJECT_ROOT / VENDOR_DIR
VERSIONS = json.loads((VENDOR / "VERSIONS.json").read_text("utf-8"))
LOCK = json.loads((PROJECT_ROOT / "package-lock.json").read_text("utf-8"))
PACKAGE = json.loads((PROJECT_ROOT / "package.json").read_text("utf-8"))
PACKAGES = ("vega", "vega-lite", "vega-embed")

# Every absolute URL in the builds, and why it causes no request: a new one must be reviewed.
KNOWN_URLS = {
    "http://www.w3.org/2000/svg": "SVG namespace",
    "http://www.w3.org/1999/xlink": "XLink namespace",
    "http://www.w3.org/2000/xmlns/": "XMLNS namespace",
    "https://vega.github.io/schema/vega/v6.json": "the $schema string of compiled Vega specs (never fetched)",
    "https://github.com/vega/vega-lite/issues/2415": "text of a warning message",
    "https://github.com/Starcounter-Jack/JSON-Patch": "text of an error message",
    "https://vega.github.io/editor/": "the 'open in editor' action (actions are disabled)",
    "http://": "protocol prefix test in vega-embed's URL check",
    "https://": "protocol prefix test in vega-embed's URL check",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", PACKAGES)
def test_vendored_files_match_versions_json(name: str) -> None:
    info = VERSIONS["packages"][name]
    assert _sha256(VENDOR / info["file"]) == info["sha256"], (
        f"{info['file']} differs from VERSIONS.json"
    )
    assert _sha256(VENDOR / info["license_file"]) == info["license_sha256"]
    assert "Copyright" in (VENDOR / info["license_file"]).read_text("utf-8")


def test_third_party_licences_are_vendored() -> None:
    path = VENDOR / "THIRD_PARTY_LICENSES.txt"
    assert _sha256(path) == VERSIONS["third_party_licenses_sha256"]
    text = path.read_text("utf-8")
    for bundled in ("d3-array", "vega-tooltip", "fast-json-patch", "vega-themes"):
        assert f"\n{bundled} " in text


def test_load_order_is_the_one_the_loader_uses() -> None:
    assert tuple(VERSIONS["load_order"]) == VENDOR_FILES
    assert [VERSIONS["packages"][n]["file"] for n in PACKAGES] == list(VENDOR_FILES)


@pytest.mark.parametrize("name", PACKAGES)
def test_versions_are_pinned_exactly_and_match_the_lock(name: str) -> None:
    pinned = PACKAGE["devDependencies"][name]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), (
        f"package.json must pin {name} exactly, not {pinned!r}"
    )
    locked = LOCK["packages"][f"node_modules/{name}"]
    assert locked["version"] == pinned == VERSIONS["packages"][name]["version"]
    assert locked["integrity"] == VERSIONS["packages"][name]["integrity"]


def test_versions_are_those_altair_expects() -> None:
    v = {n: VERSIONS["packages"][n]["version"] for n in PACKAGES}
    assert f"v{v['vega-lite']}" == alt.SCHEMA_VERSION
    assert v["vega-lite"] == alt.VEGALITE_VERSION
    assert v["vega"].split(".")[0] == alt.VEGA_VERSION
    assert v["vega-embed"].split(".")[0] == alt.VEGAEMBED_VERSION
    # vega-lite's peer dependency on vega (a caret range) is met
    peer = LOCK["packages"]["node_modules/vega-lite"]["peerDependencies"]["vega"]
    assert peer.startswith("^") and peer[1:].split(".")[0] == v["vega"].split(".")[0]


@pytest.mark.parametrize("file", VENDOR_FILES)
def test_builds_name_no_host_they_would_load_from(file: str) -> None:
    text = (VENDOR / file).read_text("utf-8")
    urls = set(re.findall(r"https?://[A-Za-z0-9./_@%?=&#-]*", text))
    unknown = urls - set(KNOWN_URLS)
    assert not unknown, f"{file} names URLs nobody has reviewed: {sorted(unknown)}"
    for cdn in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs", "googleapis", "esm.sh"):
        assert cdn not in text, f"{file} mentions the CDN {cdn}"
