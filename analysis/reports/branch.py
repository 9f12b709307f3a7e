"""The append-only git branch ``reports``: where report versions built from real data live.

``main`` never holds report versions (those built locally are ignored by git). The publishing
workflow (``.github/workflows/publish.yml``) runs, in a fresh checkout:

1. ``hubobs reports restore``: every version folder on the branch is written into ``reports/``
   (a folder already there must hold exactly the branch's files, else it stops);
2. ``hubobs build``: publishes the new version(s) beside them (never rebuilding one whose
   inputs are unchanged) and renders the site;
3. ``hubobs reports push``: commits the version folders the branch lacks on top of it and
   pushes, fast-forward only. It refuses, changing nothing, when a version already on the
   branch would change (a file differs, is missing or is added), when a version's files no
   longer match its ``provenance.json``, or when a version was built from the generated sample
   (the branch holds real data only). With nothing new it makes no commit.

The commit is made without touching the checkout: the branch's tree is read into a temporary
index, the new files are added as blobs, and ``git commit-tree`` writes the commit, so nothing
on the branch is ever replaced or removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from analysis.paths import PROJECT_ROOT
from analysis.reports.index import changed_outputs
from analysis.reports.versions import SLUG, ReportError, ReportVersion, versions

BRANCH = "reports"
REMOTE = "origin"
REPORTS_DIR = "reports"
MODE = "100644"

Files = dict[str, str]  # path relative to the version folder -> git blob id


def git(
    repo: Path, *args: str, stdin: bytes | None = None, env: Mapping[str, str] | None = None
) -> bytes:
    """Run ``git -C repo args``; a failure is a :class:`ReportError` with git's message."""
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if result.returncode != 0:
        err = result.stderr.decode("utf-8", "replace").strip()
        raise ReportError(f"git {' '.join(args[:3])} failed in {repo}: {err}")
    return result.stdout


def fetch(repo: Path, remote: str = REMOTE, branch: str = BRANCH) -> str | None:
    """Fetch ``branch`` from ``remote``; its commit, or None when the remote has no such branch."""
    heads = git(repo, "ls-remote", "--heads", remote, f"refs/heads/{branch}").decode().split()
    if not heads:
        return None
    ref = f"refs/remotes/{remote}/{branch}"
    git(repo, "fetch", "--quiet", remote, f"+refs/heads/{branch}:{ref}")
    return git(repo, "rev-parse", "--verify", f"{ref}^{{commit}}").decode().strip()


def published(repo: Path, commit: str | None, reports_dir: str = REPORTS_DIR) -> dict[str, Files]:
    """The versions on the branch at ``commit``: slug -> {file path: blob id}."""
    out: dict[str, Files] = {}
    if commit is None:
        return out
    listing = git(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{reports_dir}/")
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.decode("utf-8", "surrogateescape").split("\t", 1)
        parts = path.split("/")
        if len(parts) >= 3 and parts[0] == reports_dir and SLUG.match(parts[1]):
            mode, _, blob = meta.split()
            if mode not in ("100644", "100755"):
                raise ReportError(f"branch file {path!r} (mode {mode}): not a plain file")
            out.setdefault(parts[1], {})["/".join(parts[2:])] = blob
    return out


def local_files(repo: Path, folder: Path, write: bool = False) -> Files:
    """The files of a version folder with their git blob ids (``write``: stored as objects)."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    for p in paths:
        if p.is_symlink():
            raise ReportError(f"{p}: a report version holds no symbolic link")
    if not paths:
        return {}
    # --no-filters: the bytes as they are (no end-of-line or attribute conversion)
    args = ["hash-object", *(["-w"] if write else []), "--no-filters", "--stdin-paths"]
    ids = git(repo, *args, stdin="\n".join(str(p) for p in paths).encode()).decode().split()
    return {p.relative_to(folder).as_posix(): i for p, i in zip(paths, ids, strict=True)}


def differences(local: Files, remote: Files) -> list[str]:
    """How a local folder differs from the branch's version (empty when identical)."""
    out = [f"{p} (changed)" for p in sorted(local.keys() & remote.keys()) if local[p] != remote[p]]
    out += [f"{p} (not on the branch)" for p in sorted(local.keys() - remote.keys())]
    out += [f"{p} (missing here)" for p in sorted(remote.keys() - local.keys())]
    return out


def restore(
    repo: Path, remote: str = REMOTE, branch: str = BRANCH, reports_dir: str = REPORTS_DIR
) -> list[str]:
    """Write every version on the branch into ``repo/reports_dir``; the slugs written."""
    commit = fetch(repo, remote, branch)
    on_branch = published(repo, commit, reports_dir)
    target_dir = repo / reports_dir
    for slug in sorted(on_branch):
        folder = target_dir / slug
        if folder.exists():
            diff = differences(local_files(repo, folder), on_branch[slug])
            if diff:
                raise ReportError(
                    f"{folder}: differs from the published version {slug} on the branch "
                    f"'{branch}': {', '.join(diff[:10])}; move it away (nothing was changed)"
                )
    new = [s for s in sorted(on_branch) if not (target_dir / s).exists()]
    if not new or commit is None:
        return []
    target_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".restore.partial-", dir=target_dir))
    try:
        for slug in new:
            for path, data in blobs(repo, on_branch[slug]).items():
                out = work / slug / path
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(data)
        for slug in new:
            os.rename(work / slug, target_dir / slug)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return new


def blobs(repo: Path, files: Files) -> dict[str, bytes]:
    """The raw bytes of each blob (``git cat-file --batch``: no filter or conversion)."""
    paths = sorted(files)
    for path in paths:
        if path.startswith("/") or ".." in path.split("/"):
            raise ReportError(f"branch file {path!r}: not a path inside a version folder")
    out = git(repo, "cat-file", "--batch", stdin="".join(files[p] + "\n" for p in paths).encode())
    result: dict[str, bytes] = {}
    pos = 0
    for path in paths:
        end = out.index(b"\n", pos)
        blob_id, kind, size = out[pos:end].decode().split()
        if kind != "blob" or blob_id != files[path]:
            raise ReportError(f"branch file {path}: {blob_id} is a {kind}, not the blob expected")
        start = end + 1
        result[path] = out[start : start + int(size)]
        pos = start + int(size) + 1
    return result


def _new_versions(
    repo: Path, found: Sequence[ReportVersion], on_branch: Mapping[str, Files], allow_sample: bool
) -> list[ReportVersion]:
    """The versions to add; :class:`ReportError` when any version would change the branch."""
    new = []
    for v in found:
        problems = changed_outputs(v)
        if problems:
            raise ReportError(
                f"{v.folder}: version {v.slug} no longer holds what its provenance.json records "
                f"({', '.join(problems)}); nothing was pushed"
            )
        if v.slug in on_branch:
            diff = differences(local_files(repo, v.folder), on_branch[v.slug])
            if diff:
                raise ReportError(
                    f"{v.folder}: version {v.slug} is published and would change "
                    f"({', '.join(diff[:10])}); a published version never changes, nothing "
                    "was pushed"
                )
            continue
        if v.provenance().get("dataset", {}).get("generated_sample") and not allow_sample:
            raise ReportError(
                f"{v.folder}: version {v.slug} was built from the generated sample; the branch "
                "holds versions built from real data only (nothing was pushed)"
            )
        new.append(v)
    return new


def push(
    repo: Path,
    remote: str = REMOTE,
    branch: str = BRANCH,
    reports_dir: str = REPORTS_DIR,
    message: str | None = None,
    allow_sample: bool = False,
) -> list[str]:
    """Commit the versions of ``repo/reports_dir`` the branch lacks on top of it and push them
    (fast-forward only); the slugs pushed (none: no commit, nothing pushed)."""
    commit = fetch(repo, remote, branch)
    on_branch = published(repo, commit, reports_dir)
    new = _new_versions(repo, versions(repo / reports_dir), on_branch, allow_sample)
    if not new:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git(repo, "read-tree", *([commit] if commit else ["--empty"]), env=env)
        lines = [
            f"{MODE} {blob}\t{reports_dir}/{v.slug}/{path}"
            for v in new
            for path, blob in local_files(repo, v.folder, write=True).items()
        ]
        git(
            repo,
            "update-index",
            "--add",
            "--index-info",
            stdin=("\n".join(lines) + "\n").encode(),
            env=env,
        )
        tree = git(repo, "write-tree", env=env).decode().strip()
    text = message or "Report version(s) " + ", ".join(v.tag for v in new)
    parents = ["-p", commit] if commit else []
    made = git(repo, "commit-tree", tree, *parents, "-m", text).decode().strip()
    git(repo, "push", "--quiet", remote, f"{made}:refs/heads/{branch}")
    return [v.slug for v in new]


def _main(args: argparse.Namespace) -> int:
    repo = Path(args.project).resolve()
    if args.action == "restore":
        done = restore(repo, args.remote, args.branch)
        print(f"restored from '{args.branch}': {', '.join(done) or 'nothing new'}")
    else:
        done = push(repo, args.remote, args.branch, message=args.message)
        print(f"pushed to '{args.branch}': {', '.join(done)}" if done else "No new report version.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "reports",
        help="restore report versions from the branch 'reports', or push new ones to it",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["restore", "push"])
    p.add_argument("--project", default=str(PROJECT_ROOT), help="the git checkout (default: here)")
    p.add_argument("--remote", default=REMOTE, help=f"git remote (default {REMOTE})")
    p.add_argument("--branch", default=BRANCH, help=f"the versions' branch (default {BRANCH})")
    p.add_argument("--message", help="commit message of the new versions")
    p.set_defaults(func=_main)


__all__ = [
    "blobs",
    "differences",
    "fetch",
    "local_files",
    "published",
    "push",
    "register",
    "restore",
]
