"""Debian's nginx and Apache serving a built site with the README's own sample blocks.

The samples are read from README.md (each fenced block follows a
`<!-- deploy-sample: NAME -->` marker), so the README cannot drift from what the
tests and the benchmark run. Each server runs from its binary with a configuration
in a temporary folder, on a loopback port, with no systemd: nginx with
`nginx -p <dir> -c <conf>`, Apache with `apache2 -f <conf> -DFOREGROUND` and
Debian's module files. Each logs the URL, status and body bytes of every response,
so a test can count the bytes a visit transferred.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.processes import stop

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PREFIX = "/cse-handbook/"
SAMPLE_SITE = "/srv/cse-handbook/site"  # where the README's samples say the site is
NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/etc/apache2/mods-available")
# What Debian's apache2 package enables on install (the README's a2enmod adds to these).
DEBIAN_APACHE_MODULES = (
    "mpm_event",
    "access_compat",
    "alias",
    "auth_basic",
    "authn_core",
    "authn_file",
    "authz_core",
    "authz_host",
    "authz_user",
    "autoindex",
    "deflate",
    "dir",
    "env",
    "filter",
    "mime",
    "negotiation",
    "reqtimeout",
    "setenvif",
    "status",
)
SERVERS = ("nginx", "apache", "apache-htaccess")
START_LIMIT_S = 15


class ServerFailed(RuntimeError):
    """A server did not start with the README's sample."""


@dataclass(frozen=True)
class LoggedResponse:
    path: str
    status: int
    body_bytes: int


@dataclass(frozen=True)
class Deployed:
    """A running server: its name, the site's base URL and its access log."""

    name: str
    base_url: str
    access_log: Path

    def responses(self) -> list[LoggedResponse]:
        logged = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            path, status, size = line.rsplit(" ", 2)
            logged.append(LoggedResponse(path, int(status), 0 if size == "-" else int(size)))
        return logged


# The README's samples -------------------------------------------------------------


def readme_sample(name: str, readme: Path = README) -> str:
    """The fenced block after `<!-- deploy-sample: name -->` in the README."""
    pattern = rf"<!-- deploy-sample: {re.escape(name)} -->\s*```[a-z]*\n(.*?)```"
    found = re.findall(pattern, readme.read_text(encoding="utf-8"), re.S)
    if len(found) != 1:
        raise LookupError(f"README.md has {len(found)} deploy-sample blocks named {name!r}")
    return found[0]


def recommended_headers() -> dict[str, str]:
    """The response headers the README recommends, by name."""
    lines = readme_sample("headers").strip().splitlines()
    return dict(line.split(": ", 1) for line in lines)


def apache_modules() -> list[str]:
    """The modules the README's `a2enmod` line enables."""
    [command] = [line for line in readme_sample("apache-modules").splitlines() if line.strip()]
    words = command.split()
    assert words[0] == "a2enmod", command
    return words[1:]


def htaccess_rules() -> str:
    """What the README says goes into `.htaccess`: the site configuration's lines from
    the first `AddType` to the last `AddOutputFilterByType`."""
    lines = [line.strip() for line in readme_sample("apache-site").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("AddType"))
    end = max(i for i, line in enumerate(lines) if line.startswith("AddOutputFilterByType"))
    return "\n".join(lines[start : end + 1]) + "\n"


# Running them ---------------------------------------------------------------------


def missing_servers() -> list[str]:
    """The Debian packages not installed here, of nginx and apache2."""
    return [name for name, path in (("nginx", NGINX), ("apache2", APACHE)) if not path.exists()]


def readable_dir(prefix: str) -> Path:
    """A new temporary folder the servers' unprivileged workers can read."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


@contextmanager
def serve_deployed(name: str, site: Path, port: int) -> Iterator[Deployed]:
    """Serve `site` under /cse-handbook/ on 127.0.0.1:port with the README's sample for
    `name` (one of SERVERS) until the block ends."""
    work = readable_dir(f"cse-{name}-")
    site = Path(site).resolve()
    try:
        if name == "nginx":
            command = nginx_command(work, site, port)
        elif name == "apache":
            command = apache_command(work, apache_site(site), port)
        elif name == "apache-htaccess":
            (site / ".htaccess").write_text(htaccess_rules(), encoding="utf-8")
            command = apache_command(work, apache_site_for_htaccess(site), port)
        else:
            raise ValueError(f"no server called {name!r}; expected one of {SERVERS}")
        (work / "access.log").touch()
        with _running(command, work, port):
            yield Deployed(name, f"http://127.0.0.1:{port}{PREFIX}", work / "access.log")
    finally:
        (site / ".htaccess").unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def nginx_command(work: Path, site: Path, port: int) -> list[str]:
    sample = readme_sample("nginx").replace(SAMPLE_SITE, str(site))
    shutil.copy2("/etc/nginx/mime.types", work / "mime.types")  # as beside Debian's nginx.conf
    temp = "\n".join(
        f"    {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    (work / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include mime.types;
    default_type application/octet-stream;
    log_format deploy '$uri $status $body_bytes_sent';
    access_log {work}/access.log deploy;
{temp}
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        root {work}/empty;
{sample}
    }}
}}
""",
        encoding="utf-8",
    )
    return [str(NGINX), "-p", f"{work}/", "-c", str(work / "nginx.conf")]


def apache_site(site: Path) -> str:
    return readme_sample("apache-site").replace(SAMPLE_SITE, str(site))


def apache_site_for_htaccess(site: Path) -> str:
    """The README's site configuration with the rules moved to `.htaccess`, as it says."""
    rules = set(htaccess_rules().splitlines())
    kept = [line for line in apache_site(site).splitlines() if line.strip() not in rules]
    text = "\n".join(kept)
    # The FilesMatch bodies went with the rules; drop the now empty sections.
    text = re.sub(r"\n\s*<FilesMatch [^>]*>\s*\n\s*</FilesMatch>", "", text)
    assert "AllowOverride None" in text
    return text.replace("AllowOverride None", "AllowOverride All") + "\n"


def apache_command(work: Path, site_config: str, port: int) -> list[str]:
    modules = []
    for module in (*DEBIAN_APACHE_MODULES, *apache_modules()):
        for suffix in (".load", ".conf"):
            if (APACHE_MODULES / f"{module}{suffix}").exists():
                modules.append(f"Include {APACHE_MODULES}/{module}{suffix}")
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    (work / "empty").mkdir()
    (work / "apache2.conf").write_text(
        f"""ServerRoot {work}
DefaultRuntimeDir {work}
PidFile {work}/apache2.pid
Mutex file:{work} default
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{user}ErrorLog {work}/error.log
LogLevel warn
{chr(10).join(modules)}
LogFormat "%U %>s %B" deploy
CustomLog {work}/access.log deploy
DocumentRoot {work}/empty
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
{site_config}
""",
        encoding="utf-8",
    )
    return [str(APACHE), "-f", str(work / "apache2.conf"), "-DFOREGROUND"]


@contextmanager
def _running(command: list[str], work: Path, port: int) -> Iterator[None]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(process, work, port)
        yield
    finally:
        stop(process)


def _wait_until_listening(process: subprocess.Popen, work: Path, port: int) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    output = process.stdout.read().decode("utf-8", "replace") if process.poll() is not None else ""
    log = work / "error.log"
    errors = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    raise ServerFailed(f"{' '.join(command_name(process))} did not start:\n{output}\n{errors}")


def command_name(process: subprocess.Popen) -> list[str]:
    return [str(part) for part in process.args]  # type: ignore[union-attr]
