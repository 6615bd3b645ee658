"""A made-up protocol (tests/fixtures) is read by the same code as Newham's, with no code change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from calculators import timing
from calculators.clause_text import plain_text
from calculators.protocol import Protocol, protocol_from_mapping
from calculators.risk.methods import METHODS, apply_method
from handbook.build.loader import ProtocolFileError, load_protocol
from handbook.build.protocol_json import with_bank_holidays

MADE_UP = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"
ORIGINAL = MADE_UP.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def made_up() -> Protocol:
    return load_protocol(MADE_UP).protocol


def test_it_has_four_levels_lowest_first_and_a_section_7(made_up: Protocol) -> None:
    assert made_up.categories.numbers == (1, 2, 3, 4)
    assert made_up.level(4).name == "Level 4 (severe)"
    assert made_up.section(7).clauses[0].id == "7.1"


def test_a_domain_may_lack_a_level(made_up: Protocol) -> None:
    assert {i.category for i in made_up.domain("school").indicators} == {1, 2, 3, 4}
    assert {i.category for i in made_up.domain("money").indicators} == {1, 2, 3}


@pytest.fixture(scope="module")
def with_holidays() -> Protocol:
    """The made-up protocol with England's bank holidays from 2026 to 2029, as the build
    gives them in 2027."""
    return protocol_from_mapping(with_bank_holidays(load_protocol(MADE_UP).data, date(2027, 1, 1)))


def test_its_timing_is_a_panel_on_the_2nd_tuesday_and_a_review_every_6_weeks_clauses_4_1_6_1(
    made_up: Protocol,
) -> None:
    rules = made_up.timing
    assert rules.ids == ("panel", "panel_referral", "monthly_report", "review")
    assert (rules.rule("panel").weekday, rules.rule("panel").week_of_month) == (1, 2)
    assert (rules.rule("review").min_weeks, rules.rule("review").max_weeks) == (6, 6)
    assert rules.panel_changes[0].cancelled


def test_its_clauses_read_its_own_rules_by_their_ids_clauses_4_1_5_1_6_1(made_up: Protocol) -> None:
    words = {rule_id: timing.rule_words(made_up, rule_id) for rule_id in made_up.timing.ids}
    assert words == {
        "panel": "2nd Tuesday",
        "panel_referral": "10 working days",
        "monthly_report": "last Friday",
        "review": "6 weeks",
    }
    assert "at least 10 working days before it" in plain_text(made_up, made_up.clause("4.1").text)
    assert "by the last Friday of each month" in plain_text(made_up, made_up.clause("5.1").text)
    assert "every 6 weeks" in plain_text(made_up, made_up.clause("6.1").text)


def test_its_panel_is_on_the_2nd_tuesday_and_skips_the_cancelled_august_clause_4_1(
    with_holidays: Protocol,
) -> None:
    panels = timing.occurrences(with_holidays, "panel", 2027)
    # March 2027 begins on a Monday: its Tuesdays are 2 and 9. August begins on a
    # Sunday: its 2nd Tuesday is the 10th, cancelled for the summer break.
    assert panels[2].date == date(2027, 3, 9)
    assert (panels[7].date, panels[7].cancelled) == (date(2027, 8, 10), True)
    # September 2027 begins on a Wednesday: its 2nd Tuesday is the 14th.
    assert timing.next_occurrence(with_holidays, "panel", date(2027, 8, 1)).date == date(
        2027, 9, 14
    )


def test_its_referral_is_due_10_working_days_before_the_panel_clause_4_1(
    with_holidays: Protocol,
) -> None:
    # Back from Tuesday 9 March 2027: 8, 5, 4, 3, 2, 1 March, 26, 25, 24, 23 February.
    march = timing.deadline_for(with_holidays, "panel_referral", date(2027, 3, 9))
    assert (march.date, march.clauses) == (date(2027, 2, 23), ("4.1",))
    # Back from Tuesday 11 May 2027: 10, 7, 6, 5, 4 May, then (Monday 3 May is the early
    # May bank holiday) 30, 29, 28, 27 and 26 April.
    may = timing.deadline_for(with_holidays, "panel_referral", date(2027, 5, 11))
    assert may.date == date(2027, 4, 26)
    deadlines = timing.occurrences(with_holidays, "panel_referral", 2027)
    assert len(deadlines) == 11  # none for the cancelled August panel


def test_its_report_is_due_on_the_last_friday_or_the_working_day_before_clause_5_1(
    with_holidays: Protocol,
) -> None:
    reports = timing.occurrences(with_holidays, "monthly_report", 2027)
    assert [r.date for r in reports][:5] == [
        date(2027, 1, 29),  # 31 January 2027 is a Sunday
        date(2027, 2, 26),  # 28 February is a Sunday
        date(2027, 3, 26),  # 31 March is a Wednesday
        date(2027, 4, 30),  # a Friday
        date(2027, 5, 28),  # 31 May is a Monday
    ]
    # The last Friday of March 2027 is Good Friday: submit by Thursday 25 March.
    assert (reports[2].bank_holiday, reports[2].submit_by) == ("Good Friday", date(2027, 3, 25))
    assert made_up_contact(with_holidays) == "sam.example@testford.example.org"


def made_up_contact(protocol: Protocol) -> str:
    return protocol.contact(protocol.timing.rule("monthly_report").send_to).email


def test_its_review_is_every_6_weeks_and_an_agreed_interval_cites_6_3(
    with_holidays: Protocol,
) -> None:
    # 6 weeks (42 days) after Monday 1 March 2027 is Monday 12 April 2027.
    window = timing.window(with_holidays, "review", date(2027, 3, 1))
    assert (window.earliest, window.latest, window.clauses) == (
        date(2027, 4, 12),
        date(2027, 4, 12),
        ("6.1",),
    )
    agreed = timing.window(with_holidays, "review", date(2027, 3, 1), agreed_weeks=8)
    assert (agreed.latest, agreed.clauses) == (date(2027, 4, 26), ("6.3",))


def test_its_weighted_bands_score_the_ticked_indicators_clause_6_2(made_up: Protocol) -> None:
    assert made_up.risk_rule.method == "weighted_bands"
    for ids, score, band, level in [
        ([], 0, "Low", 1),
        (["sc-1", "sc-2"], 3, "Low", 1),
        (["sc-3"], 4, "Medium", 2),
        (["sc-2", "mo-3"], 7, "Medium", 2),
        (["sc-4"], 8, "High", 3),
        (["sc-3", "mo-2", "mo-3"], 12, "High", 3),
        (["sc-4", "mo-3"], 13, "Very high", 4),
        ([i.id for i in made_up.indicators], 24, "Very high", 4),
    ]:
        result = apply_method(made_up, ids)
        assert (result.score, result.band.name, result.level) == (score, band, level), ids
        assert result.clauses == ("6.2",)


def test_the_highest_level_method_reads_its_fourth_level_clause_6_2(made_up: Protocol) -> None:
    ticked = (made_up.indicator("mo-1"), made_up.indicator("sc-4"))
    assert METHODS["highest_level"](made_up, ticked).level == 4


@pytest.mark.parametrize(
    ("old", "new", "path", "expected", "line_of_text"),
    [
        (
            "{id: mo-3, category: 3,",
            "{id: mo-3, category: 5,",
            "categories.domains[1].indicators[2].category",
            "expected a category 1, 2, 3 or 4, got 5",
            "mo-3",
        ),
        (
            "{id: sc-2, category: 2, weight: 2,",
            "{id: sc-2, category: 2,",
            "categories.domains[0].indicators[1].weight",
            "expected a weight",
            "sc-2",
        ),
        (
            "{name: High, min_score: 8,",
            "{name: High, min_score: 9,",
            "risk_rule.bands[2].min_score",
            "expected 8",
            "name: High",
        ),
        (
            "    working_days: 10\n",
            "    working_days: 10\n    days: 14\n",
            "timing.panel_referral",
            "expected either 'days: N' (calendar days) or 'working_days: N', not both",
            "  panel_referral:",
        ),
        (
            "    meeting: panel\n",
            "    meeting: review\n",
            "timing.panel_referral.meeting",
            "expected the id of a monthly_meeting rule (panel), got 'review'",
            "meeting: review",
        ),
        (
            "    week_of_month: last\n",
            "    week_of_month: final\n",
            "timing.monthly_report.week_of_month",
            'expected a week of the month, 1 to 5 or "last"',
            "week_of_month: final",
        ),
        (
            "The panel meets on the {rule:panel} of",
            "The panel meets on the {rule:mase_panel} of",
            "sections[3].clauses[0].text",
            "expected a rule (panel, panel_referral, monthly_report, review) in {rule:…}",
            "text: >-\n          The panel meets",
        ),
        (
            "    - number: 4\n",
            "    - number: 2\n",
            "categories.levels",
            "expected the levels lowest first, each number once, got [1, 2, 3, 2]",
            "levels:",
        ),
    ],
)
def test_a_broken_level_weight_band_or_rule_is_refused_naming_its_line(
    tmp_path: Path, old: str, new: str, path: str, expected: str, line_of_text: str
) -> None:
    """A level it lacks, a missing weight under the weighted method, a gap between bands,
    levels out of order; a deadline in both kinds of day, a deadline before a rule that is
    not a meeting, a week of the month that is not one, a rule the protocol lacks."""
    assert old in ORIGINAL, f"test setup: {old!r} is not in the made-up protocol"
    broken = tmp_path / "protocol.yaml"
    text = ORIGINAL.replace(old, new, 1)
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ProtocolFileError) as error:
        load_protocol(broken)
    message = str(error.value)
    assert f": {path}: " in message
    assert expected in message
    line = text[: text.index(line_of_text)].count("\n") + 1
    assert f", line {line}: " in message
