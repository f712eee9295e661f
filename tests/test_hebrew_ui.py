"""The interface in Hebrew: a browser that asks for Hebrew gets Hebrew labels, right to left.

Any other browser keeps the English interface, word for word. The catalogue itself is checked
too: every entry translated, none fuzzy, and the compiled file in step with the source.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db

HEBREW = {"HTTP_ACCEPT_LANGUAGE": "he"}
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "he" / "LC_MESSAGES"

# The top bar, English and Hebrew, as every page shows it.
NAV = {
    "Conversations": "שיחות",
    "Leads": "לידים",
    "Agents": "סוכנים",
    "Review queue": "תור בדיקה",
    "Inbox": "תיבת פניות",
    "Metrics": "מדדים",
    "Log out": "התנתקות",
}

# name: (url for the tenant, English heading, Hebrew heading); the agents page reads each
# agent's mode from Redis.
PAGES: dict[str, tuple[Callable[[object], str], str, str]] = {
    "conversations": (lambda t: reverse("conversations:list"), "Conversations", "שיחות"),
    "review queue": (lambda t: reverse("conversations:review"), "Review queue", "תור בדיקה"),
    "inbox": (lambda t: reverse("conversations:inbox"), "Inbox", "תיבת פניות"),
    "leads": (lambda t: reverse("conversations:leads"), "Leads", "לידים"),
    "agents": (lambda t: reverse("agents:list"), "Agents", "סוכנים"),
    "knowledge base": (
        lambda t: reverse("agents:knowledge_base", args=[t.business.pk]),
        "Knowledge base · Salon Dana",
        "מאגר ידע · Salon Dana",
    ),
}
NEEDS_REDIS = {"agents"}


def page_params() -> list[object]:
    return [
        pytest.param(name, marks=[pytest.mark.redis] if name in NEEDS_REDIS else [])
        for name in PAGES
    ]


def get_page(request, client: Client, tenant, name: str, **headers: str) -> str:
    if name in NEEDS_REDIS:
        request.getfixturevalue("redis_client")
    client.force_login(tenant.owner)
    url, _, _ = PAGES[name]
    response = client.get(url(tenant), **headers)
    assert response.status_code == 200
    return response.content.decode()


def nav_links(body: str) -> str:
    return body[body.index('<nav class="nav"') : body.index("</nav>")]


# --- the pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", page_params())
def test_a_hebrew_browser_gets_the_page_in_hebrew_right_to_left(
    request, client, tenant, name
) -> None:
    body = get_page(request, client, tenant, name, **HEBREW)

    assert '<html lang="he" dir="rtl">' in body
    assert f"<h1>{PAGES[name][2]}</h1>" in body
    nav = nav_links(body)
    for english, hebrew in NAV.items():
        assert hebrew in body
        assert f">{english}<" not in nav and f">{english} <" not in nav


@pytest.mark.parametrize("name", page_params())
def test_any_other_browser_keeps_the_english_page(request, client, tenant, name) -> None:
    body = get_page(request, client, tenant, name)

    assert '<html lang="en" dir="ltr">' in body
    assert f"<h1>{PAGES[name][1]}</h1>" in body
    for english, hebrew in NAV.items():
        assert english in body
        assert hebrew not in body


@pytest.mark.parametrize("name", page_params())
def test_a_browser_preferring_english_over_hebrew_gets_english(
    request, client, tenant, name
) -> None:
    body = get_page(request, client, tenant, name, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9,he;q=0.8")

    assert 'dir="ltr"' in body
    assert f"<h1>{PAGES[name][1]}</h1>" in body


def test_the_login_page_speaks_hebrew_to_a_hebrew_browser(client) -> None:
    body = client.get(reverse("login"), **HEBREW).content.decode()

    assert 'dir="rtl"' in body
    assert "<h1>התחברות ל-Switchboard</h1>" in body
    assert ">שם משתמש</label>" in body and ">סיסמה</label>" in body


def test_counts_take_the_hebrew_plural(client, tenant) -> None:
    one = make_conversation(agent=tenant.agent, wa_id="972501110001", name="Noa")
    add_message(one, text="Hi")
    two = make_conversation(agent=tenant.agent, wa_id="972501110002", name="Dan")
    add_message(two, text="Hi")
    add_message(two, text="Hello", direction="out")
    client.force_login(tenant.owner)

    hebrew = client.get(reverse("conversations:list"), **HEBREW).content.decode()
    english = client.get(reverse("conversations:list")).content.decode()

    assert "הודעה אחת</span>" in hebrew and "2 הודעות</span>" in hebrew
    assert "1 msg</span>" in english and "2 msgs</span>" in english


def test_messages_and_form_texts_from_the_views_are_translated(client, tenant) -> None:
    client.force_login(tenant.owner)
    url = reverse("agents:knowledge_base", args=[tenant.business.pk])

    saved = client.post(url, {"content": "Haircut: ₪90."}, follow=True, **HEBREW)
    body = saved.content.decode()

    assert "נשמר. הסוכן יענה לפי הטקסט הזה החל מהתשובה הבאה שלו." in body
    assert "לבדוק בלי לשמור" in body
    assert ">מחירים</dt>" in body  # a fact group's label, from the view


def test_a_bad_request_is_explained_in_hebrew(client, tenant) -> None:
    conversation = make_conversation(agent=tenant.agent, name="Noa")
    client.force_login(tenant.owner)
    url = reverse("conversations:messages", args=[conversation.pk])

    assert (
        client.get(url, **HEBREW).content.decode() == "הכתובת הזו משמשת לעדכונים החיים של דף השיחה."
    )
    assert client.get(url).content.decode() == (
        "This endpoint serves the conversation page's live updates."
    )


def test_django_s_own_hebrew_catalogue_still_works_beside_ours() -> None:
    # Ours has two plural forms, Django's four: each catalogue keeps its own plural rule.
    with translation.override("he"):
        assert translation.ngettext("%(num)d minute", "%(num)d minutes", 5) == "%(num)d דקות"
        assert translation.ngettext("%(num)d minute", "%(num)d minutes", 1) == "דקה"
        assert translation.gettext("Review queue") == "תור בדיקה"


# --- the catalogue ----------------------------------------------------------------------------


def po_entries(path: Path) -> list[dict[str, object]]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (a list) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        key = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
        msgstr = [value for key, value in sorted(fields.items()) if key.startswith("msgstr")]
        entries.append(
            {
                "msgctxt": fields.get("msgctxt"),
                "msgid": fields["msgid"],
                "msgid_plural": fields.get("msgid_plural"),
                "msgstr": msgstr,
                "flags": flags,
            }
        )
    return entries


def test_the_catalogue_has_no_untranslated_or_fuzzy_entry() -> None:
    entries = po_entries(CATALOGUE / "django.po")
    header, messages = entries[0], entries[1:]

    assert header["msgid"] == ""
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"][0]
    assert "charset=UTF-8" in header["msgstr"][0]
    assert len(messages) > 250
    untranslated = [e["msgid"] for e in messages if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in messages if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []
    for entry in messages:
        expected = 2 if entry["msgid_plural"] else 1
        assert len(entry["msgstr"]) == expected, entry["msgid"]


def test_every_placeholder_survives_translation() -> None:
    placeholder = re.compile(r"%\([a-z_]+\)[sd]")
    for entry in po_entries(CATALOGUE / "django.po")[1:]:
        names = set(placeholder.findall(entry["msgid"]))
        plural = entry["msgstr"][-1]
        # the singular may spell the number out ("הודעה אחת"); the plural must keep it
        assert set(placeholder.findall(plural)) == names, entry["msgid"]
        for text in entry["msgstr"]:
            assert set(placeholder.findall(text)) <= names, entry["msgid"]
            assert text.count("<strong>") == entry["msgid"].count("<strong>"), entry["msgid"]


def test_the_compiled_catalogue_matches_the_source() -> None:
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]
    for entry in po_entries(CATALOGUE / "django.po")[1:]:
        msgid = entry["msgid"]
        if entry["msgctxt"]:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if entry["msgid_plural"]:
            assert [catalogue[(msgid, n)] for n in range(2)] == entry["msgstr"], msgid
        else:
            assert catalogue[msgid] == entry["msgstr"][0], msgid
