"""The built site behind Debian's nginx and Apache, configured by the README's own samples.

One site, built for 127.0.0.1 and a port of its own (instant navigation reads the
sitemap, whose addresses carry the port), served in turn by each server there for
the browser tests. The HTTP tests serve it on other ports, the `.htaccess` form of
the Apache sample included.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.build.site_build import build_site
from tests.support.deploy_servers import (
    PREFIX,
    SERVERS,
    Deployed,
    missing_servers,
    readable_dir,
    serve_deployed,
)
from tests.support.static_server import free_port

BROWSER_SERVERS = ("nginx", "apache")


@pytest.fixture(scope="session")
def deploy_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def deploy_site(deploy_port: int) -> Iterator[Path]:
    """The handbook built for http://127.0.0.1:<deploy_port>/cse-handbook/, in a folder
    the servers' unprivileged workers can read."""
    missing = missing_servers()
    if missing:
        pytest.fail(
            f"The deployment tests need Debian's {' and '.join(missing)}: "
            f"apt-get install {' '.join(missing)} (make system-tools does it as root)",
            pytrace=False,
        )
    folder = readable_dir("cse-deploy-site-")
    site = folder / "site"
    site_url = f"http://127.0.0.1:{deploy_port}{PREFIX}"
    assert build_site(site_dir=site, quiet=True, site_url=site_url) == 0, "the site did not build"
    yield site
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session", params=SERVERS)
def deployed(request: pytest.FixtureRequest, deploy_site: Path) -> Iterator[Deployed]:
    """Each of the README's samples in turn, on a port of its own."""
    with serve_deployed(request.param, deploy_site, free_port()) as server:
        yield server


@pytest.fixture(scope="session", params=BROWSER_SERVERS)
def deployed_for_browser(
    request: pytest.FixtureRequest, deploy_site: Path, deploy_port: int
) -> Iterator[Deployed]:
    """nginx, then Apache, each on the port the site was built for."""
    with serve_deployed(request.param, deploy_site, deploy_port) as server:
        yield server
