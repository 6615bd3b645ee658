"""The built handbook: every clause, sign and indicator on the pages, one source, one origin."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from calculators.clause_text import plain_text
from calculators.limits import MAX_DRAFT_BYTES
from calculators.registry import CALCULATORS
from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.site_build import build_site
from tests.engine_protocol import write_engine_protocol_yaml

PROTOCOL = load_protocol().protocol
EXPANSION = r'<span class="abbr-expansion">[^<]*</span>'


def page_text(site: Path) -> str:
    """All built HTML as text, with tags and the handbook's abbreviation expansions
    removed and entities decoded."""
    parts = []
    for page in sorted(site.rglob("*.html")):
        markup = re.sub(EXPANSION, "", page.read_text(encoding="utf-8"))
        parts.append(html.unescape(re.sub(r"<[^>]+>", "", markup)))
    return re.sub(r"\s+", " ", "\n".join(parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_clause_has_its_anchor_and_its_text(built_site: Path) -> None:
    text = page_text(built_site)
    for clause in PROTOCOL.clauses:
        section = clause.id.split(".")[0]
        page = read(built_site, f"directive/section-{section}")
        assert f'id="{clause.anchor}"' in page, clause.id
        assert f'href="#{clause.anchor}"' in page, f"no visible permalink for {clause.id}"
        for contact in PROTOCOL.contacts:
            if f"{{contact:{contact.id}}}" in clause.text:
                assert f"mailto:{contact.email}" in page
        assert squash(plain_text(PROTOCOL, clause.text)) in text, f"clause {clause.id} text missing"
        for item in clause.items:
            assert squash(item.text) in text


def test_every_safeguard_sign_appears_with_its_letter_clause_2_1(built_site: Path) -> None:
    page = html.unescape(read(built_site, "warning-signs"))
    clause = PROTOCOL.clause("2.1")
    assert "".join(i.label for i in clause.items) == "SAFEGUARD"
    for item in clause.items:
        sign = (
            f'<li><span class="sign-letter" aria-hidden="true">{item.label}</span> {item.text}</li>'
        )
        assert sign in re.sub(rf"<abbr[^>]*>|</abbr>|{EXPANSION}", "", page)
    assert clause.note and clause.note in page


def test_every_indicator_appears_in_its_own_cell_appendix_b(built_site: Path) -> None:
    page = html.unescape(read(built_site, "categories"))
    plain = re.sub(rf"<abbr[^>]*>|</abbr>|{EXPANSION}", "", page)
    assert len(PROTOCOL.indicators) == 99
    for indicator in PROTOCOL.indicators:
        assert f'<li id="indicator-{indicator.id}">{indicator.text}</li>' in plain, indicator.id


def test_indicator_matrix_is_an_accessible_table(built_site: Path) -> None:
    page = read(built_site, "categories")
    assert "<caption>" in page
    assert page.count('<th scope="col">') == 4
    assert page.count('<th scope="row">') == len(PROTOCOL.categories.domains)


def test_rewards_has_no_category_3_indicators_appendix_b(built_site: Path) -> None:
    row = re.search(r'<tr id="domain-rewards">(.*?)</tr>', read(built_site, "categories"), re.S)
    assert row and "No Police Category 3 indicators listed" in row.group(1)


def test_abbreviations_show_their_expansion_on_every_page(built_site: Path) -> None:
    cse = PROTOCOL.glossary[[a.abbr for a in PROTOCOL.glossary].index("CSE")]
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
        content = article.group(0) if article else ""
        # SVG text cannot hold <abbr>; each drawing has a text equivalent where it is marked.
        content = re.sub(r"<svg.*?</svg>", "", content, flags=re.S)
        content = re.sub(EXPANSION, "", content)  # an expansion may use an abbreviation
        words = len(re.findall(r"\bCSE\b", re.sub(r"<[^>]+>", "", content)))
        marked = len(re.findall(rf'<abbr title="{cse.expansion}">CSE</abbr>', content))
        assert marked == words, page  # and none is a tab stop


def test_home_page_gives_the_edition_and_the_privacy_promise(built_site: Path) -> None:
    page = html.unescape((built_site / "index.html").read_text(encoding="utf-8"))
    assert f"Edition {PROTOCOL.metadata.version} of the handbook" in page
    assert "Nothing you type into this handbook is sent anywhere" in page


def test_the_decisions_page_shows_every_decision(built_site: Path) -> None:
    page = html.unescape(read(built_site, "decisions"))
    plain = re.sub(r"<[^>]+>", "", re.sub(EXPANSION, "", page))
    for decision in PROTOCOL.decisions:
        assert f'id="note-{decision.id}"' in page
        assert decision.title in plain
        assert squash(decision.text)[:80] in squash(plain)


def test_search_index_is_built(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "clause-6-13" in index or "strategy meetings are to continue" in index


# Privacy --------------------------------------------------------------------

EXTERNAL = re.compile(
    r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//"""
    r"""|import\s*\(\s*["'](?:https?:)?//"""
    r"""|(?:fetch|importScripts|new\s+(?:Shared)?Worker|new\s+WebSocket|new\s+EventSource)\s*\(\s*["'](?:https?:|wss?:)?//""",
    re.IGNORECASE,
)


def test_nothing_loads_from_another_origin(built_site: Path) -> None:
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js", ".mjs"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in EXTERNAL.finditer(text):
            offenders.append(
                f"{path.relative_to(built_site)}: {text[match.start() : match.end() + 60]!r}"
            )
    assert not offenders, "\n".join(offenders[:20])


def test_the_external_origin_check_catches_a_cdn_script(tmp_path: Path) -> None:
    page = '<script src="https://cdn.example.org/x.js"></script><link href="//fonts.example/x.css">'
    assert len(EXTERNAL.findall(page)) == 2


def test_no_google_fonts_and_no_generator_link(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in content and "fonts.gstatic" not in content
        assert "Made with" not in content


# One source ---------------------------------------------------------------------


def test_a_changed_clause_and_email_appear_everywhere_and_the_old_nowhere(tmp_path: Path) -> None:
    original = PROTOCOL_PATH.read_text(encoding="utf-8")
    old_clause = "MASE to be used as an escalation procedure where there are barriers to progress"
    new_clause = "MASE is the escalation route whenever progress is blocked zqxj"
    old_email, new_email = "Jane.Sharp@newham.gov.uk", "cse.lead.zqxj@newham.gov.uk"
    assert original.count(old_email) == 1, "the email must be written once, under contacts"
    changed = original.replace(old_clause, new_clause).replace(old_email, new_email)
    protocol_path = tmp_path / "protocol.yaml"
    protocol_path.write_text(changed, encoding="utf-8")

    site = tmp_path / "site"
    assert build_site(site_dir=site, protocol_path=protocol_path, quiet=True) == 0
    built = [p for p in site.rglob("*") if p.suffix in {".html", ".json", ".docx"} and p.is_file()]
    everything = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in built if p.suffix != ".docx"
    )
    assert new_clause in everything
    assert new_email in read(site, "directive/section-5")
    assert new_email in read(site, "contacts")
    assert old_clause not in everything
    assert old_email not in everything
    for document in (p for p in built if p.suffix == ".docx"):
        import zipfile

        with zipfile.ZipFile(document) as docx:
            xml = "".join(
                docx.read(n).decode("utf-8", "replace")
                for n in docx.namelist()
                if n.endswith(".xml")
            )
        assert old_email not in xml, document.name


def test_the_built_folder_is_readable_by_a_web_server(built_site: Path) -> None:
    assert built_site.stat().st_mode & 0o755 == 0o755


def test_a_broken_protocol_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    bad = tmp_path / "protocol.yaml"
    bad.write_text(
        PROTOCOL_PATH.read_text(encoding="utf-8").replace("category: 2,", "category: 5,", 1)
    )
    assert build_site(site_dir=site, protocol_path=bad, quiet=True) == 2
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not list(tmp_path.glob(".site-*"))


@pytest.mark.parametrize("page", ["forms/mase-referral", "forms/monthly-report"])
def test_appendix_forms_list_every_field(built_site: Path, page: str) -> None:
    template = PROTOCOL.template(page.split("/")[1])
    content = re.sub(r"<[^>]+>", "", html.unescape(read(built_site, page)))
    for field in template.fields:
        assert field.label in content, field.id


def test_proposed_strategy_template_quotes_its_clauses_rather_than_paraphrasing(
    built_site: Path,
) -> None:
    template = PROTOCOL.template("strategy-meeting")
    assert template.proposed
    page = read(built_site, "forms/strategy-meeting")
    page = re.sub(r"<[^>]+>", "", html.unescape(re.sub(EXPANSION, "", page)))
    quoted = {c for s in template.sections for c in s.clauses}
    assert {"6.1", "6.5", "6.13", "6.14"} <= quoted
    for clause_id in quoted:
        clause = PROTOCOL.clause(clause_id)
        quoted_text = squash(plain_text(PROTOCOL, clause.text))[:60]
        assert f"Clause {clause.id}: {quoted_text}" in squash(page), clause_id
    assert "Proposed template" in page


def test_changed_timing_rules_change_the_planner_and_the_browsers_protocol_clauses_4_6_5_3_6_2(
    tmp_path: Path,
) -> None:
    # From the engine's own rules (tests/engine_protocol.py), whatever data/protocol.yaml's.
    protocol_path = write_engine_protocol_yaml(tmp_path / "engine.yaml")
    data = yaml.safe_load(protocol_path.read_text(encoding="utf-8"))
    data["timing"]["mase_panel"].update(weekday="friday", week_of_month=2)
    data["timing"]["mase_referral"]["days"] = 21
    data["timing"]["strategy_meeting"].update(min_weeks=6, max_weeks=7)
    protocol_path = tmp_path / "protocol.yaml"
    protocol_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    site = tmp_path / "site"
    assert build_site(site_dir=site, protocol_path=protocol_path, quiet=True) == 0

    section_4 = squash(re.sub(r"<[^>]+>", "", html.unescape(read(site, "directive/section-4"))))
    assert "held on the 2nd Friday of every month" in section_4
    assert "submitted 3 weeks prior to this date" in section_4
    section_6 = squash(re.sub(r"<[^>]+>", "", html.unescape(read(site, "directive/section-6"))))
    assert "every 6-7 weeks as a minimum" in section_6

    planner = html.unescape(re.sub(EXPANSION, "", read(site, "planner")))
    planner = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", planner))
    assert "The MASE panel meets on the 2nd Friday of every month." in planner
    assert "A MASE referral must be submitted 3 weeks before the panel." in planner
    from datetime import date, timedelta

    from calculators.wording import long_date

    january = [date(date.today().year, 1, day) for day in range(1, 32)]
    panel = [d for d in january if d.weekday() == 4][1]  # the 2nd Friday
    report = [d for d in january if d.weekday() == 3][2]  # still the 3rd Thursday
    referral = panel - timedelta(days=21)
    expected = f"January {long_date(panel)} {long_date(referral)} {long_date(report)}"
    assert expected in planner

    import json

    browser = json.loads((site / "assets" / "protocol.json").read_text(encoding="utf-8"))
    timing = browser["timing"]
    assert (timing["mase_panel"]["weekday"], timing["mase_panel"]["week_of_month"]) == ("friday", 2)
    assert timing["mase_referral"]["days"] == 21
    assert (timing["strategy_meeting"]["min_weeks"], timing["strategy_meeting"]["max_weeks"]) == (
        6,
        7,
    )


def test_the_manifest_carries_the_pinned_pyodides_lock_file_info_for_a_lock_of_no_packages(
    built_site: Path,
) -> None:
    manifest = json.loads((built_site / "assets" / "runtime.json").read_text(encoding="utf-8"))
    lock = json.loads((built_site / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert manifest["pyodide_lock_info"] == lock["info"]
    assert manifest["pyodide_lock_info"]["python"].startswith("3.")


def test_the_draft_limit_reaches_the_page_and_the_runtime_manifest(built_site: Path) -> None:
    manifest = json.loads((built_site / "assets" / "runtime.json").read_text(encoding="utf-8"))
    assert manifest["max_draft_bytes"] == MAX_DRAFT_BYTES
    for template in ("mase-referral", "strategy-meeting"):
        page = read(built_site, f"forms/{template}")
        assert re.search(rf'id="open-draft"[^>]*data-max-bytes="{MAX_DRAFT_BYTES}"', page)


def test_every_page_links_the_handbooks_stylesheets_as_one_file(built_site: Path) -> None:
    joined = sorted((built_site / "stylesheets").glob("handbook-all.*.css"))
    assert len(joined) == 1
    text = joined[0].read_text(encoding="utf-8")
    for name in ("handbook", "forms", "risk", "print", "training"):
        own = (built_site / "stylesheets" / f"{name}.css").read_text(encoding="utf-8")
        assert own.strip() in text, name
    for page in built_site.rglob("*.html"):
        source = page.read_text(encoding="utf-8")
        if "assets/stylesheets/main." not in source:
            continue  # not a page of the theme (e.g. a file the build copies as it is)
        assert source.count(joined[0].name) == 1, page
        assert not re.search(
            r'href="[^"]*stylesheets/(handbook|forms|risk|print|training)\.css"', source
        ), page


def test_every_calculator_form_names_a_registered_calculator_and_its_binding(
    built_site: Path,
) -> None:
    bindings = {c.name: c.binding for c in CALCULATORS}
    seen = set()
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for name, binding in re.findall(r'data-calculator="([^"]*)" data-binding="([^"]*)"', text):
            assert bindings.get(name) == binding, (page, name, binding)
            assert (built_site / "javascripts" / binding).is_file(), binding
            seen.add(name)
        assert text.count("data-calculator=") == text.count("data-binding="), page
    assert seen == set(bindings)  # every calculator has a page that holds its form
