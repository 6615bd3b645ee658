"""A revision of the directive needs no change to test code: tools/next_revision.py
(the panel on the 2nd Wednesday, referrals 7 working days before it, strategy meetings
every 6-8 weeks, clause 6.16 and a section 7) applied to a copy of data/ passes
`make check`, and `make expected` then changes data/expected/ and nothing else. On a
checkout that already carries the revision, the copy is first taken back to the edition
before, so these tests run (never skip) whichever edition is checked out."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from handbook.__main__ import main
from handbook.build.expected import write_expected

ROOT = Path(__file__).resolve().parents[2]


def next_revision() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "next_revision", ROOT / "tools" / "next_revision.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def edition_before(data: Path, tool: ModuleType) -> None:
    """Bring a copy of data/ to the edition the revision applies to: a checkout that
    already carries it (the owner trying it, or committing it) is taken back, and its
    expected answers rewritten for that edition."""
    try:
        tool.undo_revision(data.parent)
    except tool.RevisionError:
        return  # not revised: already the edition before
    write_expected(data / "protocol.yaml", data / "expected")


@pytest.fixture
def revised(tmp_path: Path) -> Path:
    """A checkout-shaped copy of data/ with the next revision applied."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    tool = next_revision()
    edition_before(tmp_path / "data", tool)
    try:
        tool.apply_revision(tmp_path)
    except tool.RevisionError as error:
        pytest.fail(
            f"tools/next_revision.py no longer fits data/ ({error}): a new edition has "
            "changed what it edits, so bring its PROTOCOL_EDITS and SOURCE_EDITS up to "
            "that edition",
            pytrace=False,
        )
    return tmp_path


def test_the_revised_protocol_passes_make_check(
    revised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(revised / "data" / "protocol.yaml")]) == 0
    assert "7 sections, 34 clauses" in capsys.readouterr().out


def test_make_expected_on_the_revision_changes_data_expected_and_nothing_else(
    revised: Path,
) -> None:
    before = contents(revised / "data")
    write_expected(revised / "data" / "protocol.yaml", revised / "data" / "expected")
    after = contents(revised / "data")
    changed = sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
    assert changed == [
        "expected/due_dates.json",
        "expected/outline.txt",
        "expected/timing.txt",
    ]
    timing = after["expected/timing.txt"].decode("utf-8")
    assert "reads '2nd Wednesday'" in timing and "reads '7 working days'" in timing
    assert "reads '6-8 weeks'" in timing
    assert (
        b"  6.16\nsection 7: Reviewing this directive\n  7.1\n  7.2\n"
        in after["expected/outline.txt"]
    )


def test_on_a_checkout_that_carries_the_revision_the_tests_still_run(tmp_path: Path) -> None:
    """The owner applies the revision (and may commit it): the copy above is taken back
    to the edition before, revised again, and comes out as the checkout did."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    tool = next_revision()
    edition_before(tmp_path / "data", tool)
    before = contents(tmp_path / "data")
    tool.apply_revision(tmp_path)
    carrying = contents(tmp_path / "data")
    edition_before(tmp_path / "data", tool)
    assert contents(tmp_path / "data") == before
    tool.apply_revision(tmp_path)
    assert contents(tmp_path / "data") == carrying
