"""The browser's assets, written into the built site: Pyodide, the calculators wheel, the protocol.

Everything is addressed relative to the site root, so the site works under a
sub-path. Files whose content can change between releases (the wheel, the
protocol JSON) get content-hashed paths, so a browser may cache them for good;
`assets/runtime.json` is the one small manifest that names them.

The standard library goes out trimmed (`pyodide/python_stdlib.handbook.zip`, which the
worker passes to Pyodide as its `stdLibURL`): the packages neither Pyodide's start nor
the calculators import are left out. The full one stays beside it for the bench's bare page.

Every text file and the WebAssembly also get a gzip copy next to them (`name.gz`),
made the same way on every build, for servers that send precompressed files
(nginx's `gzip_static`, the README's Apache rules).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from calculators.limits import MAX_DRAFT_BYTES
from handbook.build.bytecode import cached_bytecode, wheel_with_bytecode
from handbook.build.docx_templates import write_blank_templates
from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.protocol_json import protocol_json

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
BYTECODE_CACHE = ROOT / ".cache" / "bytecode"  # handbook/build/bytecode.py cached_bytecode
GZIP_CACHE = ROOT / ".cache" / "gzip"  # gzipped(): the runtime's large files, by digest
GZIP_CACHE_MIN_BYTES = 1_000_000
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_DIR = "pyodide"
TRIMMED_STDLIB = "python_stdlib.handbook.zip"
LOCK_FILE = "pyodide-lock.json"  # shipped whole; the worker passes its `info` only
# What the calculators' worker loads of it: the trimmed standard library, not the full
# one, and no lock file (RuntimeManifest.pyodide_lock_info).
PYODIDE_LOADED = tuple(
    TRIMMED_STDLIB if name == "python_stdlib.zip" else name
    for name in PYODIDE_FILES
    if name != LOCK_FILE
)
ASSETS_DIR = "assets"
MANIFEST = "assets/runtime.json"
HASH_LENGTH = 16
# Content-addressed files never change under their name: a fixed, old modification time
# keeps Last-Modified stable across rebuilds, so browsers revalidate them as unchanged.
HASHED_MTIME = 315532800  # 1980-01-01, also the earliest time a zip file can hold
# What gets a precompressed copy: files that shrink (zip, docx and images already are compressed).
PRECOMPRESSED_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt")
PRECOMPRESS_MIN_BYTES = 1024
SERVING = "CSE_SERVING"  # set by `make serve` (handbook/serve.py)
# Top-level parts of Pyodide's standard library that neither Pyodide's start nor any
# calculators module imports (tests/handbook/test_trimmed_stdlib.py checks both inside
# Pyodide): mail, networking, debugging, testing, profiling, packaging, the REPL.
STDLIB_LEFT_OUT = frozenset(
    {
        "__hello__", "__phello__", "_pyio", "_pydatetime", "_pyrepl", "antigravity", "bdb",
        "cProfile", "cmd", "code", "compileall", "configparser", "csv", "ctypes", "curses",
        "dbm", "difflib", "doctest", "email", "ensurepip", "filecmp", "fileinput", "fractions",
        "ftplib", "getopt", "getpass", "graphlib", "html", "http", "idlelib", "imaplib",
        "ipaddress", "lib2to3", "mailbox", "mimetypes", "modulefinder", "multiprocessing",
        "netrc", "optparse", "pdb", "pickletools", "plistlib", "poplib", "profile", "pstats",
        "pty", "pyclbr", "pydoc", "pydoc_data", "quopri", "sched", "shelve", "smtplib",
        "socketserver", "sqlite3", "statistics", "symtable", "tabnanny", "tarfile", "this",
        "timeit", "tkinter", "tomllib", "trace", "tracemalloc", "tty", "turtle", "turtledemo",
        "unittest", "urllib", "uuid", "venv", "wave", "webbrowser", "wsgiref", "xmlrpc",
        "zipapp", "zoneinfo",
    }
)  # fmt: skip
# Of the codecs, the Unicode ones, cp437 (zipfile reads names in it) and the few
# single-byte ones text may come in.
ENCODINGS_KEPT = frozenset(
    {
        "__init__", "aliases", "ascii", "charmap", "cp437", "cp1252", "latin_1", "raw_unicode_escape",
        "unicode_escape", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be",
        "utf_32_le", "utf_8", "utf_8_sig",
    }
)  # fmt: skip


@dataclass(frozen=True)
class RuntimeManifest:
    """What the worker needs to find, as paths relative to the site root."""

    pyodide: str
    pyodide_version: str
    wheel: str
    protocol: str
    protocol_version: str
    # The magic number of the wheel's .pyc files (hex): the worker compares it with
    # the running Python's and says so if they differ (zipimport then uses the sources).
    bytecode_magic: str
    # The pinned Pyodide's lock file `info` (its Python, platform, ABI): the worker hands
    # Pyodide a lock file of no packages made from it, so pyodide-lock.json (357 packages
    # the calculators never load) is neither fetched nor parsed on the way to ready.
    pyodide_lock_info: dict[str, str]
    # The largest draft file the calculators open (calculators.limits): the page checks a
    # file's size against it before reading the file.
    max_draft_bytes: int = MAX_DRAFT_BYTES

    def as_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, sort_keys=True) + "\n"


# Steps ----------------------------------------------------------------------


def write_runtime_assets(site_dir: Path, protocol_path: Path | None = None) -> RuntimeManifest:
    """Copy Pyodide, build the wheel, write the protocol and the manifest into site_dir."""
    site_dir = Path(site_dir)
    copy_pyodide(site_dir / PYODIDE_DIR)
    with tempfile.TemporaryDirectory(prefix="cse-wheel-") as scratch:
        wheel = build_wheel(Path(scratch))
        bytecode = cached_bytecode(PYODIDE_PACKAGE, wheel, BYTECODE_CACHE)
        wheel_bytes = wheel_with_bytecode(wheel.read_bytes(), bytecode)
        wheel_path = _write_hashed(site_dir, f"{ASSETS_DIR}/wheels", wheel.name, wheel_bytes)
    loaded = load_protocol(protocol_path or os.environ.get("CSE_PROTOCOL") or PROTOCOL_PATH)
    protocol_bytes = protocol_json(loaded.data).encode("utf-8")
    protocol_file = _write_hashed(site_dir, ASSETS_DIR, "protocol.json", protocol_bytes)
    (site_dir / ASSETS_DIR / "protocol.json").write_bytes(protocol_bytes)
    write_blank_templates(loaded.protocol, site_dir / ASSETS_DIR / "templates")
    manifest = RuntimeManifest(
        pyodide=f"{PYODIDE_DIR}/",
        pyodide_version=pyodide_version(),
        wheel=wheel_path,
        protocol=protocol_file,
        protocol_version=loaded.protocol.metadata.version,
        bytecode_magic=bytecode.magic,
        pyodide_lock_info=pyodide_lock_info(),
    )
    (site_dir / MANIFEST).write_text(manifest.as_json(), encoding="utf-8")
    return manifest


def copy_pyodide(target: Path) -> None:
    """Copy the pinned npm package's runtime files, keeping their modification times."""
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_PACKAGE / name).is_file()]
    if missing:
        raise RuntimeError(
            f"The Pyodide runtime is missing from {PYODIDE_PACKAGE} ({', '.join(missing)}). "
            "Run `npm ci` (or `make setup`) first."
        )
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_PACKAGE / name, target / name)
    full = target / "python_stdlib.zip"
    (target / TRIMMED_STDLIB).write_bytes(trimmed_stdlib(full.read_bytes()))
    stat = full.stat()
    os.utime(target / TRIMMED_STDLIB, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def stdlib_part(entry: str) -> tuple[str, str]:
    """An entry of the standard library zip as (its top-level module, the module under it)."""
    parts = entry.rstrip("/").split("/")
    top = parts[0].removesuffix(".py").removesuffix(".pyc")
    below = parts[1].removesuffix(".py").removesuffix(".pyc") if len(parts) > 1 else ""
    return top, below


def stdlib_entry_kept(entry: str) -> bool:
    top, below = stdlib_part(entry)
    if top == "encodings":
        return below in ("", *ENCODINGS_KEPT)
    return top not in STDLIB_LEFT_OUT


def trimmed_stdlib(full: bytes) -> bytes:
    """Pyodide's standard library zip without STDLIB_LEFT_OUT and the unused codecs,
    entries in their order with their times, so the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(full)) as source, zipfile.ZipFile(out, "w") as trimmed:
        for info in source.infolist():
            if stdlib_entry_kept(info.filename):
                trimmed.writestr(info, source.read(info), compress_type=info.compress_type)
    return out.getvalue()


def pyodide_lock_info() -> dict[str, str]:
    lock = json.loads((PYODIDE_PACKAGE / LOCK_FILE).read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in lock["info"].items()}


def pyodide_version() -> str:
    package = json.loads((PYODIDE_PACKAGE / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def build_wheel(out_dir: Path) -> Path:
    """Build the calculators wheel reproducibly from a clean copy of the sources."""
    out_dir = Path(out_dir)
    source = out_dir / "source"
    source.mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    shutil.copytree(
        ROOT / "calculators",
        source / "calculators",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    dist = out_dir / "dist"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(HASHED_MTIME), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    wheels = sorted(dist.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise RuntimeError(
            "Building the calculators wheel failed:\n"
            + result.stdout[-2000:]
            + result.stderr[-2000:]
        )
    return wheels[0]


def write_precompressed(site_dir: Path) -> list[Path]:
    """Write `name.gz` next to every file worth compressing; return the files written.

    Deterministic: no name or time goes into the gzip header, and each copy takes its
    original's modification time, so a server's Last-Modified and ETag agree for both.
    Under `make serve` (SERVING set) none: its server sends none, and a rebuild is quicker.
    """
    written: list[Path] = []
    if os.environ.get(SERVING):
        return written
    for path in sorted(Path(site_dir).rglob("*")):
        if not path.is_file() or path.suffix not in PRECOMPRESSED_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < PRECOMPRESS_MIN_BYTES:
            continue
        target = path.with_name(path.name + ".gz")
        target.write_bytes(gzipped(data))
        stat = path.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written.append(target)
    return written


def gzipped(data: bytes, cache_dir: Path = GZIP_CACHE) -> bytes:
    """`data` gzipped at level 9 with no name or time in the header. Large files (the
    runtime's, the same on every build) are kept in cache_dir by their digest."""
    if len(data) < GZIP_CACHE_MIN_BYTES:
        return gzip.compress(data, compresslevel=9, mtime=0)
    kept = cache_dir / f"{hashlib.sha256(data).hexdigest()}.gz"
    try:
        packed = kept.read_bytes()
        if gzip.decompress(packed) == data:  # a damaged copy is made again
            return packed
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error):
        pass
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = kept.with_suffix(f".{os.getpid()}.partial")
    partial.write_bytes(packed)
    partial.replace(kept)
    return packed


# Helpers --------------------------------------------------------------------


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def _write_hashed(site_dir: Path, folder: str, name: str, data: bytes) -> str:
    """Write data under a content-hashed path; return that path relative to the site root.

    A wheel keeps its file name (Pyodide reads the package name from it), so the hash
    becomes a folder; other files get the hash in their name.
    """
    digest = content_hash(data)
    if name.endswith(".whl"):
        relative = f"{folder}/{digest}/{name}"
    else:
        stem, dot, suffix = name.rpartition(".")
        relative = f"{folder}/{stem}.{digest}{dot}{suffix}"
    path = site_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, (HASHED_MTIME, HASHED_MTIME))
    return relative
