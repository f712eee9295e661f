"""The validator: paraphrases of true facts pass, inventions are flagged with a reason."""

from __future__ import annotations

import pytest

from agents.grounding.validator import Flag, GroundingResult, validate_reply

KNOWLEDGE_BASE = """\
Salon Dana, 12 Herzl Street, Tel Aviv (2nd floor). Phone: 03-555-1234.
Opening hours: Sunday to Thursday 09:00-19:00, Friday 08:00-14:00, Saturday closed.
Women's haircut: ₪180, about 45 minutes. Men's haircut: ₪90, about 30 minutes.
Full colouring: from ₪350, about 2 hours. Keratin: ₪1,500. Highlights: ₪150-200.
Delivery of hair products: 3 business days; delivery to Eilat: 5 business days.
Students: 10% off. Treatments come with a 1-year warranty.
בעברית: שעות פתיחה ראשון עד חמישי 09:00-19:00, שישי 08:00-14:00, שבת סגור.
תספורת נשים: 180 ₪ (כ-45 דקות). תספורת גברים: 90 ₪ (כ-30 דקות).
"""


def check(reply: str, knowledge_base: str = KNOWLEDGE_BASE) -> GroundingResult:
    return validate_reply(reply=reply, knowledge_base=knowledge_base, language=None)


@pytest.mark.parametrize(
    "reply",
    [
        "A women's haircut is 180 shekels.",
        "A men's haircut is ninety shekels and takes half an hour.",
        "Keratin is 1500 NIS.",
        "Full colouring starts at ₪350 and takes two hours.",
        "Highlights are between ₪150 and ₪200.",
        "We close at 7pm.",
        "We close at 7 in the evening, Sunday through Thursday.",
        "We're open from Sunday to Thursday, 9am to 7pm, and on Friday until 2pm.",
        "On Saturday we're closed.",
        "Students get 10 percent off.",
        "Call us on +972-3-555-1234.",
        "Delivery takes three business days.",
        "Treatments have a twelve-month warranty.",
        "You can come on Monday at 10:30.",
        "תספורת נשים עולה 180 ש״ח ולוקחת כ-45 דקות.",
        "תספורת גברים עולה תשעים שקל ולוקחת חצי שעה.",
        "אנחנו פתוחים א׳-ה׳ משמונה... סליחה, מתשע בבוקר עד שבע בערב.",
        "בשבת אנחנו סגורים, ובשישי פתוחים עד 14:00.",
        "שבת שלום! סטודנטים מקבלים 10 אחוז הנחה.",
    ],
)
def test_it_passes_paraphrases_of_true_facts(reply: str) -> None:
    assert check(reply).flags == []


@pytest.mark.parametrize(
    ("reply", "kind", "claim"),
    [
        ("A women's haircut is ₪200.", "price", "₪200"),
        ("A women's haircut is $180.", "price", "$180"),
        ("Full colouring is ₪400.", "price", "₪400"),
        ("Highlights are ₪250.", "price", "₪250"),
        ("We open at 8am on Sunday.", "time", "8am"),
        ("On Friday we're open until 7pm.", "time", "7pm"),
        ("We're open on Saturday.", "days", "open on Saturday"),
        ("בשבת אנחנו פתוחים.", "days", "בשבת אנחנו פתוחים"),
        ("A men's haircut takes 90 minutes.", "duration", "90 minutes"),
        ("Our stylists have 10 years of experience.", "duration", "10 years"),
        ("Students get 15% off.", "percent", "15%"),
        ("Call us on 03-555-1235.", "phone", "03-555-1235"),
        ("It will definitely be ready in 45 minutes.", "certainty", "definitely"),
        ("אני מבטיחה שתאהבי את התוצאה.", "certainty", "מבטיחה"),
        ("Delivery to Eilat takes 3 business days.", "duration", "3 business days"),
    ],
)
def test_it_flags_an_invented_claim_with_its_kind(reply: str, kind: str, claim: str) -> None:
    flags = check(reply).flags
    assert [(flag.kind, flag.claim) for flag in flags] == [(kind, claim)]


def test_a_flag_says_why_and_where() -> None:
    reply = "Sure! A women's haircut is ₪220."
    [flag] = check(reply).flags
    assert flag == Flag(
        kind="price",
        claim="₪220",
        start=reply.index("₪220"),
        end=reply.index("₪220") + 4,
        reason=(
            "₪220 is not a price in the knowledge base "
            "(prices there: ₪180, ₪90, from ₪350, ₪1,500, ₪150-₪200)"
        ),
    )


def test_a_price_of_another_line_is_flagged_with_the_line_it_belongs_to() -> None:
    [flag] = check("A women's haircut is ₪200.").flags
    assert flag.reason == (
        "₪200 is not what the knowledge base gives for this: "
        "“Women's haircut: ₪180, about 45 minutes”"
    )


def test_it_names_the_hours_of_the_day_a_wrong_time_was_said_for() -> None:
    [flag] = check("On Friday we close at 7pm.").flags
    assert flag.reason == (
        "19:00 on Friday is not in the knowledge base's hours (Friday there: 08:00, 14:00)"
    )


def test_a_number_of_one_kind_never_vouches_for_another() -> None:
    knowledge_base = "Open daily 10:00-18:00. Men's haircut: ₪90."
    kinds = [
        flag.kind
        for flag in check("We've been here 10 years; cuts take 90 minutes.", knowledge_base).flags
    ]
    assert kinds == ["duration", "duration"]


def test_a_price_inside_a_range_passes_but_not_above_a_floor() -> None:
    assert check("Highlights are ₪180.").flags == []
    assert [flag.claim for flag in check("Full colouring is ₪380.").flags] == ["₪380"]


def test_a_total_of_two_prices_is_left_to_a_reviewer() -> None:
    flags = check("A women's and a men's haircut come to ₪270 together.").flags
    assert [flag.claim for flag in flags] == ["₪270"]


def test_certainty_passes_when_the_knowledge_base_guarantees() -> None:
    assert check("The result is guaranteed for a year.").flags == []
    assert [flag.kind for flag in check("It will definitely last a year.").flags] == ["certainty"]


def test_a_courtesy_is_not_certainty() -> None:
    assert check("Certainly! A men's haircut is ₪90.").flags == []


def test_a_range_of_hours_must_be_one_stretch_of_the_hours() -> None:
    knowledge_base = "Hours: Sun-Thu 9:00-13:00 and 16:00-20:00."
    assert check("We're open Sunday to Thursday 9-1 and 4-8.", knowledge_base).flags == []
    [flag] = check("We're open Sunday to Thursday from 9am to 8pm.", knowledge_base).flags
    assert flag.kind == "time"


def test_a_value_stated_for_another_subject_is_flagged() -> None:
    [flag] = check("Delivery to Eilat takes 3 business days.").flags
    assert "delivery to Eilat: 5 business days" in flag.reason


def test_a_reply_in_hebrew_matches_the_english_line_of_a_bilingual_knowledge_base() -> None:
    assert check("תספורת נשים עולה 180 ₪.").flags == []


def test_the_result_lists_the_knowledge_base_facts_by_kind() -> None:
    facts = check("Hello!").facts_by_kind()
    assert facts["price"][:3] == ["₪180", "₪90", "from ₪350"]
    assert "Sunday-Thursday 09:00-19:00" in facts["time"]
    assert facts["phone"] == ["03-555-1234"]
    assert "closed on Saturday" in facts["days"]


def test_a_reply_without_claims_is_grounded() -> None:
    result = check("Thanks for writing! How can I help?")
    assert result.grounded
    assert result.claims == []


def test_an_empty_knowledge_base_supports_no_claim() -> None:
    kinds = [flag.kind for flag in check("A cut is ₪90 and takes 30 minutes.", "").flags]
    assert kinds == ["price", "duration"]


# --- round 2: negated days, closed days, bounds --------------------------------------------

SEASONAL = """\
Season: April to November, lessons every day. December-March: weekends only.
Group lesson: ₪220.
"""
WEEKDAYS_HE = """\
שעות: ימים א', ג', ה' 10:00-20:00, ו' 9:00-13:00.
טיפול: 120 ₪.
"""
CHECK_IN = """\
Check-in from 15:00, check-out until 11:00.
צ'ק-אין מ-15:00, צ'ק-אאוט עד 11:00.
"""


def test_a_day_that_won_t_work_is_no_claim_that_it_is_open() -> None:
    assert check("So a Tuesday in January won't work, sorry.", SEASONAL).flags == []
    assert check("ביום שלישי בינואר לא נהיה זמינים, מצטערים.", SEASONAL).flags == []


def test_a_day_said_open_that_the_knowledge_base_gives_no_hours_for_is_still_flagged() -> None:
    assert check("We're open on Monday from 10:00 to 20:00.", WEEKDAYS_HE).flags != []
    assert check("ביום שני אנחנו עובדות 10:00-20:00.", WEEKDAYS_HE).flags != []


def test_closed_on_a_day_the_knowledge_base_gives_no_hours_for_passes() -> None:
    assert (
        check("ביום שני הקליניקה לא מקבלת – אנחנו עובדות בימים א', ג', ה'.", WEEKDAYS_HE).flags
        == []
    )
    assert check("We're closed on Monday.", WEEKDAYS_HE).flags == []


def test_a_moment_after_a_from_time_or_before_an_until_time_passes() -> None:
    assert check("Arriving at 17:00 is great, check-in is from 15:00.", CHECK_IN).flags == []
    assert check("ב-17:00 מצוין, הצ'ק-אין מ-15:00.", CHECK_IN).flags == []
    assert check("You can leave the keys at 10:30.", CHECK_IN).flags == []


def test_a_bound_of_its_own_outside_the_knowledge_base_s_is_still_flagged() -> None:
    assert check("Check-in is from 14:00.", CHECK_IN).flags != []
    assert check("הצ'ק-אין מ-14:00.", CHECK_IN).flags != []


def test_where_one_way_to_pay_is_taken_is_not_the_only_way() -> None:
    knowledge_base = (
        "Payment: cash only at our counter at 9 Levontin St; credit card or Bit by link."
    )
    reply = "Cash only at our counter. Otherwise you can pay by credit card through the link."
    assert validate_reply(reply=reply, knowledge_base=knowledge_base).flags == []
    assert validate_reply(reply="You can pay by PayPal.", knowledge_base="Cash or Bit only.").flags


# --- one day's bound inside a range of days ---------------------------------------------

SHORT_FRIDAY = (
    "Working days: Sunday to Friday, 7:00-17:00 (Friday until 13:00). No washes on Saturday.\n"
    "Shop: Sun-Fri 8:00-20:00, Friday till 14:00.\n"
    "שעות: א'-ו' 8:00-18:00 (שישי עד 13:00).\n"
    "סטודיו: ראשון עד שישי 9:00-19:00, בשישי מ-10:00."
)


@pytest.mark.parametrize(
    "reply",
    [
        "Fridays yes, from 7:00 until 13:00. No washes on Saturday though.",
        "On Friday the shop is open 8:00-14:00.",
        "בשישי פתוחים 8:00-13:00.",
        "ביום שישי הסטודיו פתוח 10:00-19:00.",
        "On Thursday we work 7:00-17:00.",
    ],
)
def test_a_days_own_bound_inside_a_range_of_days_moves_that_days_hours(reply: str) -> None:
    assert check(reply, SHORT_FRIDAY).flags == []


@pytest.mark.parametrize(
    ("reply", "claim"),
    [
        ("On Friday we're open until 17:00.", "17:00"),
        ("Friday 7:00-17:00, as every day.", "7:00-17:00"),
        ("בשישי פתוחים עד 18:00.", "18:00"),
        ("ביום שישי פתוחים מ-9:00.", "9:00"),
    ],
)
def test_the_range_of_days_no_longer_vouches_for_the_day_with_its_own_bound(
    reply: str, claim: str
) -> None:
    knowledge_base = SHORT_FRIDAY.splitlines()[0] + "\n" + "\n".join(SHORT_FRIDAY.splitlines()[2:])
    assert [flag.claim for flag in check(reply, knowledge_base).flags] == [claim]


# --- a count's limit said after its noun --------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "knowledge_base"),
    [
        (
            "Since that's 8 visits in total, you qualify.",
            "Meet-and-greet: ₪50, free for 7 visits or more.",
        ),
        ("You're 12 people, so the group rate applies.", "Group rate for 10 people or more."),
        ("אתם 12 משתתפים, אז יש הנחה.", "הנחת קבוצה ל-10 משתתפים ומעלה."),
        ("בקבוצה שלך יהיו 4 ילדים.", "קבוצות של 6 ילדים או פחות."),
    ],
)
def test_a_count_inside_a_limit_said_after_its_noun_passes(reply: str, knowledge_base: str) -> None:
    assert check(reply, knowledge_base).flags == []


@pytest.mark.parametrize(
    ("reply", "knowledge_base"),
    [
        ("Bookings of 5 visits or more qualify.", "Meet-and-greet: free for 7 visits or more."),
        ("מ-8 משתתפים ומעלה יש הנחה.", "הנחת קבוצה ל-10 משתתפים ומעלה."),
    ],
)
def test_a_limit_said_after_its_noun_must_be_the_knowledge_bases(
    reply: str, knowledge_base: str
) -> None:
    assert [flag.kind for flag in check(reply, knowledge_base).flags] == ["quantity"]


def test_an_action_with_a_promised_time_is_flagged_as_the_action() -> None:
    reply = "העברתי את הפרטים שלך לצוות, מישהו יתקשר אליך תוך שעה"
    assert [flag.kind for flag in check(reply).flags] == ["action"]
    reply = "I've passed your details on, someone will call you within the hour."
    assert [flag.kind for flag in check(reply).flags] == ["action"]


def test_beating_any_quote_is_an_offer_in_hebrew_too() -> None:
    assert [flag.kind for flag in check("נשבור כל הצעת מחיר שתקבלו 💪").flags] == ["offer"]
    assert [flag.kind for flag in check("We'll beat any quote you get 💪").flags] == ["offer"]
