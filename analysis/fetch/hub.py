"""Talking to the Hub through ``huggingface_hub``: the revision, the file listing, errors made plain.

Every call that can touch the network goes through :func:`hub_errors`, which turns
``huggingface_hub``, ``httpx`` and ``requests`` failures into :class:`~analysis.errors.FetchError`
saying what was tried, at which endpoint, and what the user can do about it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from analysis.errors import FetchError
from analysis.schema import KINDS, REPO_ID, REPO_TYPE

#: ``<kind>/<YYYY-MM-DD>/<kind>.parquet``: the only files a listing keeps.
_LAYOUT = re.compile(r"^(?P<kind>[a-z_]+)/(?P<week>\d{4}-\d{2}-\d{2})/(?P<name>[a-z_]+)\.parquet$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")

OFFLINE_HINT = (
    "To work without the Hub, use a snapshot root already on disk (`hubobs describe --root ...`) "
    "or the bundled generated sample; to reach it through a mirror, set HF_ENDPOINT "
    "(or pass --endpoint)."
)


@dataclass(frozen=True)
class RemoteFile:
    """One week's file of one kind as listed by the Hub at a revision."""

    kind: str
    week: dt.date
    path: str  # in the repo and in the snapshot root: <kind>/<week>/<kind>.parquet
    size: int
    sha256: str | None  # the LFS oid (sha256 of the content); None for a file not in LFS
    blob_id: str  # the git blob oid (sha1 of "blob <size>\0" + content)


def default_endpoint() -> str:
    """The Hub endpoint ``huggingface_hub`` uses (``HF_ENDPOINT``, read when it was imported)."""
    from huggingface_hub import constants

    return str(constants.ENDPOINT).rstrip("/")


def _http_errors() -> tuple[type[BaseException], ...]:
    """The base error classes of whichever HTTP clients are installed (huggingface_hub 2.x uses
    httpx2, 1.x httpx; requests may be present through other packages)."""
    import importlib

    found: list[type[BaseException]] = []
    for module, names in (
        ("httpx2", ("HTTPError", "StreamError")),
        ("httpx", ("HTTPError", "StreamError")),
        ("requests", ("RequestException",)),
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        found.extend(getattr(mod, n) for n in names if hasattr(mod, n))
    return tuple(found)


@contextlib.contextmanager
def hub_errors(action: str, endpoint: str) -> Iterator[None]:
    """Turn whatever ``huggingface_hub`` and its HTTP stack raise while doing ``action`` into ``FetchError``."""
    from huggingface_hub import errors as hf

    network_errors: tuple[type[BaseException], ...] = (
        *_http_errors(),
        ConnectionError,
        TimeoutError,
    )
    where = f"{action} at {endpoint}"
    try:
        yield
    except FetchError:
        raise
    except hf.OfflineModeIsEnabled as exc:
        raise FetchError(
            f"could not {where}: huggingface_hub's offline mode is on (HF_HUB_OFFLINE is set). "
            f"Unset HF_HUB_OFFLINE to download. {OFFLINE_HINT}"
        ) from exc
    except hf.RevisionNotFoundError as exc:
        raise FetchError(
            f"could not {where}: the revision does not exist in {REPO_ID}. "
            "Pass a commit sha or branch of that dataset repo, or omit --revision for the current one."
        ) from exc
    except hf.RepositoryNotFoundError as exc:
        raise FetchError(
            f"could not {where}: the dataset repo {REPO_ID} was not found there "
            "(is HF_ENDPOINT pointing at a Hugging Face Hub?)."
        ) from exc
    except hf.EntryNotFoundError as exc:
        raise FetchError(f"could not {where}: the file or folder is not in {REPO_ID}.") from exc
    except hf.HfHubHTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "?"
        raise FetchError(
            f"could not {where}: the Hub answered HTTP {status} ({exc}). Retry later. {OFFLINE_HINT}"
        ) from exc
    except network_errors as exc:
        raise FetchError(
            f"could not {where}: the Hub cannot be reached ({type(exc).__name__}: {exc}). "
            f"Check the network connection. {OFFLINE_HINT}"
        ) from exc


class Hub:
    """The weekly snapshot dataset repo on one Hub endpoint."""

    def __init__(
        self,
        endpoint: str | None = None,
        *,
        token: str | bool | None = None,
        repo_id: str = REPO_ID,
    ):
        from huggingface_hub import HfApi

        self.endpoint = (endpoint or default_endpoint()).rstrip("/")
        self.token = token
        self.repo_id = repo_id
        self.api = HfApi(endpoint=self.endpoint, token=token)

    def resolve_revision(self, revision: str | None = None) -> str:
        """The commit sha ``revision`` (a sha, branch or tag; ``None``: the default branch) names now."""
        what = f"resolve revision {revision or 'main'} of {self.repo_id}"
        with hub_errors(what, self.endpoint):
            info = self.api.dataset_info(self.repo_id, revision=revision)
        sha = info.sha
        if not sha or not _COMMIT.match(sha):
            raise FetchError(
                f"could not {what} at {self.endpoint}: the answer carries no commit sha ({sha!r})."
            )
        return sha

    def list_files(self, kinds: Iterable[str], revision: str) -> list[RemoteFile]:
        """Every ``<kind>/<week>/<kind>.parquet`` of ``kinds`` at the commit ``revision``, by kind then week."""
        from huggingface_hub import errors as hf
        from huggingface_hub.hf_api import RepoFile

        found: list[RemoteFile] = []
        for kind in kinds:
            if kind not in KINDS:
                raise FetchError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
            what = f"list {kind}/ of {self.repo_id} at revision {revision[:12]}"
            try:
                with hub_errors(what, self.endpoint):
                    entries = list(
                        self.api.list_repo_tree(
                            self.repo_id,
                            kind,
                            recursive=True,
                            revision=revision,
                            repo_type=REPO_TYPE,
                        )
                    )
            except FetchError as exc:
                if isinstance(exc.__cause__, hf.EntryNotFoundError):
                    continue  # the kind has no folder at this revision: no weeks
                raise
            for entry in entries:
                if not isinstance(entry, RepoFile):
                    continue
                m = _LAYOUT.match(entry.path)
                if not m or m["kind"] != kind or m["name"] != kind:
                    continue
                try:
                    week = dt.date.fromisoformat(m["week"])
                except ValueError:
                    continue
                found.append(
                    RemoteFile(
                        kind=kind,
                        week=week,
                        path=entry.path,
                        size=int(entry.size),
                        sha256=entry.lfs.sha256 if entry.lfs is not None else None,
                        blob_id=entry.blob_id,
                    )
                )
        return sorted(found, key=lambda f: (KINDS.index(f.kind), f.week))

    def file_url(self, path: str, revision: str) -> str:
        """The ``resolve`` URL of ``path`` at ``revision`` on this endpoint (as ``hf_hub_url`` builds it)."""
        return f"{self.endpoint}/datasets/{self.repo_id}/resolve/{quote(revision, safe='')}/{quote(path)}"

    def headers(self) -> dict[str, str]:
        from huggingface_hub.utils import build_hf_headers  # type: ignore[attr-defined]

        headers = dict(build_hf_headers(token=self.token, library_name="hub-observatory"))
        headers["Accept-Encoding"] = "identity"  # byte ranges and sizes refer to the stored bytes
        return headers
