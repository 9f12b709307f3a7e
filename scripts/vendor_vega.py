#!/usr/bin/env python3
"""Copy the pinned Vega builds from ``node_modules`` into ``assets/vendor/vega/``.

The site loads vega, vega-lite and vega-embed from these committed copies, never from a CDN.
Run after ``npm ci`` (versions pinned in ``package.json`` / ``package-lock.json``)::

    npm ci --ignore-scripts && python3 scripts/vendor_vega.py

It writes, atomically, the three minified builds, each package's LICENSE, the licence texts of
every package bundled into them (``THIRD_PARTY_LICENSES.txt``) and ``VERSIONS.json``: the
version, npm integrity and sha256 of every vendored file. ``tests/test_vendor_vega.py`` checks
the committed files against ``VERSIONS.json`` and ``package-lock.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "assets" / "vendor" / "vega"

#: package -> the build file copied, in the order a page must load them.
BUILDS: dict[str, str] = {
    "vega": "build/vega.min.js",
    "vega-lite": "build/vega-lite.min.js",
    "vega-embed": "build/vega-embed.min.js",
}
LICENSE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license", "COPYING")


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _license_file(pkg_dir: Path) -> Path | None:
    for name in LICENSE_NAMES:
        if (pkg_dir / name).is_file():
            return pkg_dir / name
    return None


def _closure(node_modules: Path, roots: list[str]) -> list[str]:
    """Every package reachable through ``dependencies`` (bundled into the builds, or may be)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        meta = json.loads((node_modules / name / "package.json").read_text("utf-8"))
        todo.extend(meta.get("dependencies", {}))
    return sorted(seen)


def vendor(root: Path = ROOT, dest: Path = DEST) -> dict[str, object]:
    node_modules = root / "node_modules"
    lock = json.loads((root / "package-lock.json").read_text("utf-8"))
    packages: dict[str, object] = {}
    for name, build in BUILDS.items():
        pkg_dir = node_modules / name
        if not (pkg_dir / build).is_file():
            raise SystemExit(f"{pkg_dir / build} is missing: run `npm ci --ignore-scripts` first")
        meta = json.loads((pkg_dir / "package.json").read_text("utf-8"))
        locked = lock["packages"][f"node_modules/{name}"]
        if meta["version"] != locked["version"]:
            raise SystemExit(
                f"node_modules/{name} is {meta['version']} but package-lock.json pins "
                f"{locked['version']}: run `npm ci --ignore-scripts`"
            )
        data = (pkg_dir / build).read_bytes()
        out_name = Path(build).name
        _atomic_write(dest / out_name, data)
        lic = _license_file(pkg_dir)
        if lic is None:
            raise SystemExit(f"no LICENSE file in {pkg_dir}")
        lic_data = lic.read_bytes()
        _atomic_write(dest / f"{name}.LICENSE", lic_data)
        packages[name] = {
            "version": meta["version"],
            "license": meta.get("license"),
            "integrity": locked.get("integrity"),
            "file": out_name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "license_file": f"{name}.LICENSE",
            "license_sha256": hashlib.sha256(lic_data).hexdigest(),
        }

    parts = [
        "Licences of the packages bundled into the vendored Vega builds (the transitive\n"
        "npm dependencies of vega, vega-lite and vega-embed; some are build or CLI only).\n"
    ]
    for name in _closure(node_modules, list(BUILDS)):
        meta = json.loads((node_modules / name / "package.json").read_text("utf-8"))
        lic = _license_file(node_modules / name)
        text = (
            lic.read_text("utf-8", errors="replace")
            if lic
            else "(no licence file in the package)\n"
        )
        parts.append(
            f"\n{'=' * 72}\n{name} {meta['version']} ({meta.get('license')})\n{'=' * 72}\n{text}"
        )
    third = "".join(parts).encode("utf-8")
    _atomic_write(dest / "THIRD_PARTY_LICENSES.txt", third)

    versions = {
        "about": "Vendored by scripts/vendor_vega.py from npm (pins in package-lock.json). Do not edit by hand.",
        "load_order": [BUILDS[n].split("/")[-1] for n in BUILDS],
        "packages": packages,
        "third_party_licenses_sha256": hashlib.sha256(third).hexdigest(),
    }
    _atomic_write(
        dest / "VERSIONS.json", (json.dumps(versions, indent=2, sort_keys=True) + "\n").encode()
    )
    return versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    versions = vendor(args.root, args.root / "assets" / "vendor" / "vega")
    for name, info in versions["packages"].items():  # type: ignore[attr-defined]
        print(f"{name} {info['version']}  {info['file']}  sha256 {info['sha256'][:16]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
