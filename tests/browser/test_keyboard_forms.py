"""Every control of each form, reached and operated by keyboard alone, to the download.

No click, no fill, no focus() call: keyboard_walk.py presses Tab from the top of the page
into the form, and from there only keys. A control added later must be reachable too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from keyboard_walk import (
    COPIED,
    FORM_PAGES,
    HANDED_OFF,
    MAX_PRESSES,
    TYPED_PREFIX,
    Walk,
    back_to,
    open_page,
    read_word,
    typed_text,
)

from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


# The forms --------------------------------------------------------------------


def forward_through_a_form(walk: Walk) -> dict[str, Any]:
    """Tab through the form once, filling every field and pressing the buttons that make things.

    Returns where the focus was when it left the form.
    """
    page = walk.page
    added: set[str] = set()
    now = walk.into_form()
    for _ in range(MAX_PRESSES):
        if not now["inForm"]:
            return now
        first_time = now["key"] not in walk.reached
        walk.reached.append(now["key"])
        moved = False
        if not first_time:
            pass  # each control is operated once
        elif now["tag"] == "textarea" and not now["readOnly"] or now["type"] == "text":
            walk.type_into(now)
        elif now["type"] == "radio":
            page.keyboard.press("Space")  # the first choice
            assert walk.focused()["checked"], now["key"]
            page.keyboard.press("ArrowDown")  # then the next, by arrow key
            after = walk.focused()
            assert after["checked"] and after["id"] != now["id"], now["key"]
        elif now["action"] == "add-row" and now["key"] not in added:
            added.add(now["key"])
            page.keyboard.press("Enter")  # a row appears and takes the focus
            moved = True
        elif now["type"] == "submit":
            walk.download("Enter", "word")
        elif now["action"] == "copy-text":
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.querySelector('#form-text').value !== ''")
            page.wait_for_function(COPIED)
        elif now["action"] == "hand-off":
            page.keyboard.press("Enter")  # the link to the other form appears after the buttons
            page.wait_for_function(HANDED_OFF)
        elif now["action"] == "print":
            page.keyboard.press("Space")
            page.wait_for_function("() => window.__prints === 1")
        now = walk.focused() if moved else walk.press("Tab")
    raise AssertionError(f"the walk did not leave the form: {walk.reached[-30:]}")


@pytest.mark.parametrize("template", FORM_PAGES)
def test_every_control_of_a_form_works_by_keyboard_through_to_the_download(
    tab: Any, served: Deployed, template: str
) -> None:
    form = f"form#form-{template}"
    page = open_page(tab, f"forms/{template}/", f"{form}[data-calculator-state='ready']")
    walk = Walk(page=page, form=form)

    forward_through_a_form(walk)
    if page.locator(f"{form} [data-action='hand-off']").count():
        assert walk.status_links, "Tab never reached the link a hand-off offers"
    if page.locator("[data-action='add-row']").count():
        assert any("-0-" in key for key in walk.typed), "no table row was added and filled"
    word = read_word(walk.downloads["word"])
    for value in walk.typed.values():
        if value.startswith(TYPED_PREFIX):
            assert value in word, value
    assert str(template) in walk.downloads["word"].suggested_filename

    # Back up by Shift+Tab through every control, to the tools at the top.
    passed = back_to(walk, "save-draft")
    assert set(walk.reached) - {"open-draft"} <= set(passed)
    # Every control was reached, going forward or back: an abbreviation in the label of a
    # radio button left behind by the arrow key is reached by Shift+Tab.
    missed = walk.controls() - set(walk.reached) - set(passed)
    assert not missed, f"not reached by Tab or Shift+Tab: {sorted(missed)}"
    draft = walk.download("Enter", "draft")
    saved = json.loads(Path(draft.path()).read_text(encoding="utf-8"))
    assert saved["template"] == template

    # Clear everything, then open the draft again: all by keyboard.
    now = walk.press("Tab")
    assert now["action"] == "clear-all", now
    page.keyboard.press("Enter")
    first_text = next(k for k, v in walk.typed.items() if v == typed_text(1))
    page.wait_for_function(f"() => document.getElementById('{first_text}').value === ''")
    walk.press("Shift+Tab")
    now = walk.press("Shift+Tab")
    assert now["id"] == "open-draft", now
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(draft.path())
    page.wait_for_function(
        f"() => document.getElementById('{first_text}').value === '{typed_text(1)}'"
    )

    # A row is removed by keyboard too, and the focus goes back to its Add button.
    rows = page.locator(".row-list > .row")
    if rows.count():
        before = rows.count()
        for _ in range(MAX_PRESSES):
            now = walk.press("Tab")
            if now["action"] == "remove-row":
                break
        else:
            raise AssertionError("Tab never reached a Remove button")
        page.keyboard.press("Space")
        assert rows.count() == before - 1
        assert walk.focused()["action"] == "add-row"
    tab.assert_clean()
