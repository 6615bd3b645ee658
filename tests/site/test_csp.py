"""The per-page Content-Security-Policy (handbook/postprocess/csp.py)."""

from __future__ import annotations

import base64
import hashlib

import pytest

from handbook.postprocess import csp

PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8"><title>t</title>'
    '<script>__md_scope=new URL("../..",location)</script>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../bundle.js"></script><script type="module">import "./x.js"</script>'
    "</head><body></body></html>"
)


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_hashes_each_inline_script_but_not_data_or_external_ones() -> None:
    assert csp.inline_script_hashes(PAGE) == [
        sha('__md_scope=new URL("../..",location)'),
        sha('import "./x.js"'),
    ]


CALCULATOR_PAGE = PAGE.replace(
    "<body></body>", '<body><form class="calculator" data-calculator="risk"></form></body>'
)


def directive(policy: str, name: str) -> str:
    (found,) = [part.strip() for part in policy.split(";") if part.strip().startswith(name + " ")]
    return found


def test_policy_allows_only_the_sites_origin() -> None:
    for page in (PAGE, CALCULATOR_PAGE):
        policy = csp.policy_for(page)
        for part in ("connect-src 'self'", "form-action 'none'", "object-src 'none'"):
            assert part in policy
        assert "'unsafe-eval'" not in policy
        assert "'unsafe-inline'" not in directive(policy, "script-src")


def test_only_a_calculator_page_may_compile_webassembly() -> None:
    text, calculator = csp.policy_for(PAGE), csp.policy_for(CALCULATOR_PAGE)
    assert directive(text, "script-src").startswith("script-src 'self' 'sha256-")
    assert directive(calculator, "script-src").startswith(
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-"
    )


def test_every_page_may_start_a_worker_from_a_blob_url_so_that_it_inherits_the_policy() -> None:
    for page in (PAGE, CALCULATOR_PAGE):
        assert directive(csp.policy_for(page), "worker-src") == "worker-src 'self' blob:"


def test_policy_comes_first_in_head_after_the_charset() -> None:
    out = csp.add_policy(PAGE)
    head = out.split("<head>", 1)[1]
    assert head.startswith('\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert '<meta name="referrer" content="no-referrer">' in out


def test_a_page_that_differs_gets_its_own_hash() -> None:
    other = PAGE.replace('"../.."', '"."')
    assert csp.policy_for(other) != csp.policy_for(PAGE)


def test_a_second_policy_or_a_page_without_head_stops_the_build() -> None:
    with pytest.raises(RuntimeError):
        csp.add_policy(csp.add_policy(PAGE))
    with pytest.raises(RuntimeError):
        csp.add_policy("<html><body></body></html>")
