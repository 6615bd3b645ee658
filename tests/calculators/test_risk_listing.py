"""Repeated indicators are one fact with several listings (clauses 6.3, 6.9).

Appendix B lists some indicators in the same words in two or three columns of one
domain. Whichever copy is ticked, the reading names every column that lists it,
and says so when the highest column ticked rests only on such indicators. The
repetition is read from the words, never from a list.
"""

from __future__ import annotations

from calculators.protocol import Protocol
from calculators.risk.assessment import assess, handle_risk
from calculators.risk.listing import also_listed, copies, repeated, words


def test_words_ignore_case_spacing_and_punctuation_but_not_apostrophes() -> None:
    assert words("Cutting/ Overdosing") == words("Cutting/overdosing") == ("cutting", "overdosing")
    assert words("Physical injuries –external/ internal") == words(
        "Physical injuries –external/internal"
    )
    assert words("Poor self-image") == words("Poor self image")
    assert words("Getting into strangers' cars") != words("Getting into strangers cars")


def test_6_3_appendix_b_lists_fourteen_indicators_in_more_than_one_column_of_a_domain(
    protocol: Protocol,
) -> None:
    groups = {(g[0].domain, g[0].text): [i.category for i in g] for g in repeated(protocol)}
    assert len(groups) == 14
    assert groups[("sexualised-risk-taking", "Getting into strangers cars")] == [2, 3]
    assert groups[("emotional-health", "Cutting/overdosing")] == [1, 2, 3]
    assert groups[("emotional-health", "Offending behaviour")] == [2, 3]
    assert groups[("coercion-control", "Physical injuries –external/ internal")] == [2, 3]
    for group in repeated(protocol):
        assert len({i.domain for i in group}) == 1
        assert len({i.category for i in group}) == len(group)  # one copy per column


def test_6_3_every_ticked_copy_of_a_repeated_indicator_carries_the_other_columns_in_also_listed(
    protocol: Protocol,
) -> None:
    for group in repeated(protocol):
        columns = [i.category for i in group]
        for indicator in group:
            [entry] = handle_risk(protocol, {"indicators": [indicator.id]})["ticked"]
            assert entry["also_listed"] == [n for n in columns if n != indicator.category]


def test_6_3_an_indicator_listed_once_has_nothing_in_also_listed(protocol: Protocol) -> None:
    listed_once = [i for i in protocol.indicators if len(copies(protocol, i)) == 1]
    assert protocol.indicator("sh-3-2") in listed_once  # Pregnancy
    answer = handle_risk(protocol, {"indicators": [i.id for i in listed_once]})
    assert all(entry["also_listed"] == [] for entry in answer["ticked"])
    assert (
        len(answer["ticked"])
        == len(listed_once)
        == len(protocol.indicators) - sum(len(g) for g in repeated(protocol))
    )


def test_6_9_whichever_copy_is_ticked_the_line_names_every_column_that_lists_it(
    protocol: Protocol,
) -> None:
    rule = protocol.risk_rule
    for group in repeated(protocol):
        names = rule.names_of(tuple(i.category for i in group))
        for indicator in group:
            answer = handle_risk(protocol, {"indicators": [indicator.id]})
            domain = protocol.domain(indicator.domain).name
            [line] = [x for x in answer["domain_lines"] if x.startswith(domain)]
            assert rule.listed_under.format(indicator=indicator.text, categories=names) in line
    answer = handle_risk(protocol, {"indicators": ["srt-3-1"]})
    assert "Getting into strangers cars: listed under Categories 2 and 3" in answer["text"]


def test_6_3_the_reading_says_when_the_highest_column_rests_only_on_repeated_indicators(
    protocol: Protocol,
) -> None:
    alone = handle_risk(protocol, {"indicators": ["srt-3-1", "eh-1-1"]})
    expected = protocol.risk_rule.repeated_only.format(
        indicators="Getting into strangers cars: listed under Categories 2 and 3",
        category="Category 3",
    )
    assert alone["repeated_only_line"] == expected
    assert expected in alone["rationale"] and expected in alone["text"]
    assert expected in alone["document_fields"]["highest_column"]
    both = handle_risk(protocol, {"indicators": ["srt-3-1", "eh-3-6", "eh-1-1"]})
    assert "Offending behaviour: listed under Categories 2 and 3" in both["repeated_only_line"]
    with_pregnancy = handle_risk(protocol, {"indicators": ["srt-3-1", "sh-3-2"]})
    assert with_pregnancy["repeated_only_line"] is None  # Pregnancy is listed only there
    assert handle_risk(protocol, {"indicators": []})["repeated_only_line"] is None


def test_a_single_repeated_indicator_is_named_with_all_its_columns_clause_6_3(
    protocol: Protocol,
) -> None:
    answer = handle_risk(protocol, {"indicators": ["eh-1-2"]})  # Cutting/overdosing
    assert "Emotional health, Categories 1, 2 and 3" in answer["single_indicator_line"]


def test_two_copies_in_the_same_words_count_once_at_the_higher_clause_6_3(
    protocol: Protocol,
) -> None:
    for group in repeated(protocol):
        result = assess(protocol, [i.id for i in group])
        assert [i.id for i in result.counted] == [group[-1].id]


def test_also_listed_reads_the_protocol_not_a_list_clause_6_3(protocol: Protocol) -> None:
    eh = protocol.indicator("eh-2-3")  # Offending behaviour, Category 2
    assert also_listed(protocol, eh) == (3,)
    assert also_listed(protocol, protocol.indicator("srt-1-2")) == ()  # strangers' cars
