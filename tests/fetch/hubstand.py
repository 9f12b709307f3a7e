"""A local stand-in for the Hugging Face Hub (imported by tests/fetch/conftest.py and the tests) on 127.0.0.1, serving a tiny snapshot layout.

It implements the few endpoints huggingface_hub 2.4 calls for our use (read from its source):
``GET /api/datasets/<repo>[/revision/<rev>]`` (dataset info with ``sha``),
``GET /api/datasets/<repo>/tree/<rev>[/<path>]`` (listing with size, git oid and LFS sha256),
``HEAD/GET /datasets/<repo>/resolve/<rev>/<path>`` (ETag, X-Repo-Commit, X-Linked-Etag,
X-Linked-Size, Content-Length, Range -> 206). Faults can be injected: drop the connection after
some bytes, or serve corrupted bytes. Every request is logged (method, path, Range, bytes sent).
Never the real Hub: huggingface_hub's default endpoint is pointed here for the test's duration.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import random
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.schema import REPO_ID, arrow_schema

WEEKS = (dt.date(2025, 1, 1), dt.date(2025, 1, 8), dt.date(2025, 1, 15))
SHA_A = "a" * 39 + "1"
SHA_B = "b" * 39 + "2"
CHUNK = 1024
LAST_COMMIT = {"id": SHA_A, "title": "weekly snapshot", "date": "2025-01-16T00:00:00.000Z"}


def _value(f: pa.Field, i: int, seed: int, rng: random.Random, big: bool) -> Any:
    t = f.type
    if pa.types.is_string(t):
        if big and f.name == "cardData":
            return json.dumps(
                {"text": "".join(rng.choice("abcdefghijklmnop") for _ in range(3000))}
            )
        return f"{f.name}-{seed}-{i}"
    if pa.types.is_int64(t):
        return (i * 7 + seed) % 1000
    if pa.types.is_float64(t):
        return i / 4 + seed
    if pa.types.is_boolean(t):
        return i % 2 == 0
    if pa.types.is_timestamp(t):
        return dt.datetime(2024, 1, 1) + dt.timedelta(hours=i + seed)
    if pa.types.is_list(t):
        return [f"tag{i % 3}", "region:us"]
    return None  # structs: null


def make_parquet(kind: str, week: dt.date, rows: int, *, big: bool = False, seed: int = 0) -> bytes:
    """A parquet file of ``kind`` at ``week`` in the real schema (analysis.schema.arrow_schema)."""
    schema = arrow_schema(kind, week)
    rng = random.Random(f"{kind}{week}{seed}")
    cols = {
        f.name: pa.array(
            [_value(f, i, seed + week.toordinal() % 97, rng, big) for i in range(rows)], type=f.type
        )
        for f in schema
    }
    buf = io.BytesIO()
    pq.write_table(pa.table(cols, schema=schema), buf, row_group_size=max(1, rows // 4))
    return buf.getvalue()


def git_oid(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class FakeHub:
    repo_id: str = REPO_ID
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)
    main: str = ""
    drop_after: dict[str, list[int]] = field(
        default_factory=dict
    )  # path -> bytes to send before closing, per GET
    corrupt: set[str] = field(default_factory=set)
    log: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def add_commit(self, sha: str, files: dict[str, bytes], *, main: bool = True) -> None:
        self.commits[sha] = files
        if main:
            self.main = sha

    def resolve(self, rev: str) -> str | None:
        if rev in self.commits:
            return rev
        if rev == "main":
            return self.main
        return None

    def gets(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return [e for e in self.log if e["method"] == "GET" and e["path"].endswith("/" + path)]

    def bytes_served(self, path: str) -> int:
        return sum(e["sent"] for e in self.gets(path))


def _tree(files: dict[str, bytes], prefix: str, recursive: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    dirs: set[str] = set()
    base = prefix.rstrip("/") + "/" if prefix else ""
    for path in sorted(files):
        if not path.startswith(base):
            continue
        rest = path[len(base) :]
        parts = rest.split("/")
        if recursive:
            for k in range(1, len(parts)):
                dirs.add(base + "/".join(parts[:k]))
        elif len(parts) > 1:
            dirs.add(base + parts[0])
            continue
        data = files[path]
        out.append(
            {
                "type": "file",
                "oid": git_oid(data),
                "size": len(data),
                "path": path,
                "lfs": {
                    "oid": hashlib.sha256(data).hexdigest(),
                    "size": len(data),
                    "pointerSize": 134,
                },
                "lastCommit": LAST_COMMIT,
            }
        )
    out.extend({"type": "directory", "oid": "0" * 40, "size": 0, "path": d} for d in sorted(dirs))
    return out


def handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, data: Any, commit: str | None = None) -> None:
            headers = {"Content-Type": "application/json"}
            if commit:
                headers["X-Repo-Commit"] = commit
            self._send(200, json.dumps(data).encode(), headers)

        def _error(self, status: int, code: str, message: str) -> None:
            self._send(
                status,
                json.dumps({"error": message}).encode(),
                {"X-Error-Code": code, "X-Error-Message": message},
            )

        def do_POST(self) -> None:
            """``paths-info``: what HfFileSystem.info asks for (DuckDB calls ``modified``)."""
            path = unquote(urlsplit(self.path).path)
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
            with hub.lock:
                hub.log.append({"method": "POST", "path": path, "range": None, "sent": 0})
            prefix = f"/api/datasets/{hub.repo_id}/paths-info/"
            if not path.startswith(prefix):
                return self._error(404, "RepoNotFound", f"no route {path}")
            sha = hub.resolve(path[len(prefix) :])
            if sha is None:
                return self._error(404, "RevisionNotFound", "Invalid rev id")
            wanted = parse_qs(body).get("paths", [])
            files = hub.commits[sha]
            entries = [e for e in _tree(files, "", True) if e["path"] in wanted]
            return self._json(entries, sha)

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            query = parse_qs(parts.query)
            entry = {
                "method": self.command,
                "path": path,
                "range": self.headers.get("Range"),
                "sent": 0,
            }
            with hub.lock:
                hub.log.append(entry)
            api = f"/api/datasets/{hub.repo_id}"
            resolve = f"/datasets/{hub.repo_id}/resolve/"
            if path == api or path.startswith(api + "/revision/"):
                rev = path[len(api + "/revision/") :] if path != api else "main"
                sha = hub.resolve(rev)
                if sha is None:
                    return self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
                siblings = [{"rfilename": p} for p in sorted(hub.commits[sha])]
                return self._json(
                    {"id": hub.repo_id, "sha": sha, "private": False, "siblings": siblings}
                )
            if path.startswith(api + "/tree/"):
                rest = path[len(api + "/tree/") :]
                rev, _, prefix = rest.partition("/")
                sha = hub.resolve(rev)
                if sha is None:
                    return self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
                recursive = query.get("recursive", ["false"])[0].lower() in ("true", "1")
                files = hub.commits[sha]
                if (
                    prefix
                    and prefix not in files
                    and not any(p.startswith(prefix + "/") for p in files)
                ):
                    return self._error(404, "EntryNotFound", f"{prefix} does not exist")
                return self._json(_tree(files, prefix, recursive), sha)
            if path.startswith(resolve):
                rev, _, file_path = path[len(resolve) :].partition("/")
                sha = hub.resolve(rev)
                if sha is None:
                    return self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
                if file_path not in hub.commits[sha]:
                    self.send_response(404)
                    self.send_header("X-Error-Code", "EntryNotFound")
                    self.send_header("X-Repo-Commit", sha)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                return self._file(sha, file_path, entry)
            return self._error(404, "RepoNotFound", f"no route {path}")

        def _file(self, sha: str, file_path: str, entry: dict[str, Any]) -> None:
            data = hub.commits[sha][file_path]
            size = len(data)
            digest = hashlib.sha256(data).hexdigest()
            if file_path in hub.corrupt:
                mid = size // 2
                data = data[:mid] + bytes([data[mid] ^ 0xFF]) + data[mid + 1 :]
            start, end, status = 0, size - 1, 200
            rng = self.headers.get("Range")
            if rng and rng.startswith("bytes="):
                a, _, b = rng[len("bytes=") :].partition("-")
                start = int(a) if a else size - int(b)
                end = min(int(b), size - 1) if (a and b) else size - 1
                if start >= size:
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status = 206
            body = data[start : end + 1]
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("ETag", f'"{digest}"')
            self.send_header("X-Linked-Etag", f'"{digest}"')
            self.send_header("X-Linked-Size", str(size))
            self.send_header("X-Repo-Commit", sha)
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.end_headers()
            if self.command == "HEAD":
                return
            drop = None
            with hub.lock:
                plan = hub.drop_after.get(file_path)
                if plan:
                    drop = plan.pop(0)
            if drop is not None and drop < len(body):
                self.wfile.write(body[:drop])
                self.wfile.flush()
                entry["sent"] = drop
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.wfile.write(body)
            entry["sent"] = len(body)

    return Handler


def layout(
    kinds: tuple[str, ...], weeks: tuple[dt.date, ...], rows: int = 40, seed: int = 0
) -> dict[str, bytes]:
    return {
        f"{k}/{w.isoformat()}/{k}.parquet": make_parquet(k, w, rows, seed=seed)
        for k in kinds
        for w in weeks
    }
