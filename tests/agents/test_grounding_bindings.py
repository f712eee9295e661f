"""A number the knowledge base states, said of another service than the one it belongs to."""

from __future__ import annotations

from agents.grounding.validator import validate_reply

VET = """\
בדיקה: ₪220
עיקור חתולה: ₪650, הניתוח נמשך כשעה ועשרים דקות. צום של 12 שעות לפני.
סירוס כלב: מ-₪900
"""
NAILS = """\
לק ג'ל: ₪120 (כשעה)
בניית ציפורניים בג'ל: ₪230 (שעה וחצי)
מילוי: ₪170
זמן טיפול: לק ג'ל כשעה, בנייה כשעתיים
"""


def flagged(reply: str, knowledge_base: str) -> list[str]:
    return [flag.claim for flag in validate_reply(reply=reply, knowledge_base=knowledge_base).flags]


def test_a_length_stated_only_for_another_service_is_flagged() -> None:
    assert flagged("סירוס כלב לוקח כשעה ועשרים דקות.", VET) == ["כשעה ועשרים דקות"]
    assert flagged("עיקור חתולה לוקח כשעה ועשרים דקות.", VET) == []


def test_a_price_is_not_bound_by_the_words_of_the_duration_beside_it() -> None:
    assert flagged("מילוי עולה ₪230 וזה לוקח שעה וחצי.", NAILS) != []
    assert flagged("בניית ציפורניים עולה ₪230 וזה לוקח שעה וחצי.", NAILS) == []


def test_a_construct_form_names_the_same_service() -> None:
    knowledge_base = (
        "לק ג'ל: ₪120\nבניית ציפורניים בג'ל: ₪230\nזמן טיפול: לק ג'ל כשעה, בנייה כשעתיים"
    )
    assert flagged("בניית ציפורניים לוקחת כשעתיים.", knowledge_base) == []


def test_a_value_after_a_bare_label_is_held_to_that_label_s_line() -> None:
    assert flagged("מילוי: ₪230", NAILS) == ["₪230"]
    assert flagged("מילוי: ₪170", NAILS) == []


def test_each_part_of_a_labelled_list_is_about_the_line_s_label() -> None:
    knowledge_base = 'רחצה וייבוש: כלב קטן (עד 10 ק"ג) 120 ₪; כלב בינוני 160 ₪; כלב גדול 210 ₪'
    assert flagged('כן, 12 ק"ג זה כלב בינוני, ורחצה וייבוש עולים 160 ₪.', knowledge_base) == []


def test_a_value_said_of_what_its_own_line_excludes_is_flagged() -> None:
    knowledge_base = "Club members get 10% off supplements; not on baby formula.\nDelivery: ₪25."
    (flag,) = validate_reply(
        reply="Yes, club members get 10% off baby formula too 🍼", knowledge_base=knowledge_base
    ).flags
    assert flag.claim == "10%"
    assert flag.evidence == ("Club members get 10% off supplements; not on baby formula.",)
    assert flagged("Club members get 10% off supplements.", knowledge_base) == []


def test_a_weak_subject_defers_to_the_line_that_shares_the_sentence() -> None:
    knowledge_base = (
        "Custom birthday cakes: order at least 4 days ahead, from ₪260.\n"
        "Delivery to Givatayim and Ramat Gan: ₪20, free on orders over ₪250.\n"
        "Cancellation up to 72 hours before: full refund.\n"
        "Wheel taster class (2.5 hours): ₪240 per person."
    )
    assert flagged("In Givatayim delivery is free on orders over ₪250 🎉", knowledge_base) == []
    reply = "Since it's more than 72 hours before the class, you get a full refund."
    assert flagged(reply, knowledge_base) == []
    assert flagged("Custom birthday cakes start from ₪250.", knowledge_base) == ["₪250"]


LESSONS = """\
שיעור של 45 דקות: 170 ₪; שיעור של שעה: 210 ₪.
שיעור ניסיון ראשון: חצי שעה, 80 ₪.
"""
LESSONS_EN = """\
Lesson of 45 minutes: ₪170; lesson of an hour: ₪210.
First trial lesson: half an hour, ₪80.
"""
TURNAROUND = """\
Usual turnaround: two to three working days. Same-day express: +₪150.
זמן תיקון: יומיים עד שלושה ימי עבודה. אקספרס באותו יום: תוספת 150 ₪.
"""


def test_a_length_and_a_price_on_either_side_of_an_or_are_not_bound() -> None:
    reply = "אחר כך שיעורים של 45 דקות ב-170 ₪ או של שעה ב-210 ₪."
    assert flagged(reply, LESSONS) == []
    assert flagged("Then lessons of 45 minutes for ₪170 or of an hour for ₪210.", LESSONS_EN) == []


def test_a_length_said_with_another_lesson_s_price_is_still_flagged() -> None:
    assert flagged("שיעור של 45 דקות עולה 210 ₪.", LESSONS) != []
    assert flagged("A lesson of 45 minutes is ₪210.", LESSONS_EN) != []


def test_a_length_and_a_price_across_a_dash_are_not_bound() -> None:
    reply = "It usually takes two to three working days – or same day for an extra ₪150."
    assert flagged(reply, TURNAROUND) == []
    assert (
        flagged(
            "זה לוקח בדרך כלל יומיים עד שלושה ימי עבודה – או באותו יום בתוספת 150 ₪.", TURNAROUND
        )
        == []
    )


DELIVERY = """\
Standard delivery (within 3 hours): ₪45 inside Tel Aviv, ₪60 to or from Ramat Gan.
Express (within 60 minutes): ₪75.
"""
LENSES = """\
עדשות מולטיפוקל: 1,200 ₪ לזוג, עם ציפוי נגד אור כחול 1,450 ₪ לזוג.
מסגרות החל מ-250 ₪.
"""
EXTENSION = """\
הארכה עד 17:30: תוספת 250 ₪ לחודש, בהרשמה מראש בלבד.
דמי רישום: 200 ₪.
"""
BOARDING = "Boarding: ₪140 per night for dogs up to 15 kg, ₪170 per night over 15 kg.\n"


def test_a_line_s_price_said_with_the_words_of_its_other_case_is_flagged() -> None:
    assert flagged("Standard delivery to Ramat Gan is ₪45.", DELIVERY) == ["₪45"]
    assert flagged("עדשות מולטיפוקל עם ציפוי נגד אור כחול עולות 1,200 ₪ לזוג.", LENSES) == [
        "1,200 ₪"
    ]


def test_a_line_s_price_said_with_the_words_of_its_own_case_passes() -> None:
    assert flagged("Standard delivery to Ramat Gan is ₪60, inside Tel Aviv ₪45.", DELIVERY) == []
    assert (
        flagged("עדשות מולטיפוקל עולות 1,200 ₪ לזוג, ועם ציפוי נגד אור כחול 1,450 ₪.", LENSES) == []
    )


def test_a_case_told_only_by_a_number_is_not_held_to_one_word() -> None:
    assert flagged("Boarding for a 20kg dog is ₪170 a night.", BOARDING) == []


def test_a_time_inside_the_clause_does_not_cut_the_price_from_its_subject() -> None:
    assert flagged("ההארכה עד 17:30 עולה 200 ₪ לחודש.", EXTENSION) == ["200 ₪"]
    assert flagged("ההארכה עד 17:30 עולה 250 ₪ לחודש.", EXTENSION) == []


def test_about_an_hour_in_hebrew_is_a_length() -> None:
    kb = "משך טיפול: רגליים מלאות – כשעה; בית שחי – כרבע שעה.\nבית שחי: 120 ₪.\n"
    assert flagged("טיפול בבית שחי לוקח בערך שעה.", kb) == ["שעה"]
    assert flagged("טיפול ברגליים מלאות לוקח בערך שעה.", kb) == []


# --- a case said before its value, after ";" ------------------------------------------------

LEAD_TIME = "Book at least five days ahead; over Pesach and Sukkot, two weeks ahead."
CANCEL = "Cancellation is free up to 24 hours before; for group bookings, 7 days before."
LEAD_TIME_HE = "הזמנה לפחות 3 ימים מראש; בחגים, שבועיים מראש."
DELIVERY_HE = "משלוח: 30 ₪ בעיר; לאילת, 90 ₪."


def test_the_first_clauses_value_said_of_the_case_after_the_semicolon_is_flagged() -> None:
    assert flagged("For Pesach just make sure to book at least five days ahead 😊", LEAD_TIME) == [
        "five days"
    ]
    assert flagged("For group bookings you can cancel free up to 24 hours before.", CANCEL) == [
        "24 hours"
    ]
    assert flagged("בחגים מספיק להזמין 3 ימים מראש.", LEAD_TIME_HE) == ["3 ימים"]
    assert flagged("משלוח לאילת עולה 30 ₪.", DELIVERY_HE) == ["30 ₪"]


def test_each_clauses_own_value_passes_and_the_case_after_the_semicolon_is_its_lines() -> None:
    assert flagged("For Pesach, book two weeks ahead.", LEAD_TIME) == []
    assert flagged("Usually five days ahead is enough.", LEAD_TIME) == []
    assert flagged("For group bookings, cancel at least 7 days before.", CANCEL) == []
    assert flagged("בחגים צריך להזמין שבועיים מראש.", LEAD_TIME_HE) == []
    assert flagged("משלוח לאילת עולה 90 ₪.", DELIVERY_HE) == []


# --- a comma inside parentheses does not cut a case ----------------------------------------

ACUPUNCTURE = (
    "טיפול דיקור: 320 ₪ לטיפול ראשון (כולל אבחון, כשעה וחצי), 260 ₪ לטיפולי המשך (כ-45 דקות)."
)
MASSAGE = (
    "Massage: ₪300 for the first session (with assessment, about 90 minutes), ₪250 for "
    "follow-ups (about 50 minutes)."
)


def test_a_length_inside_a_cases_parentheses_said_of_the_other_case_is_flagged() -> None:
    assert flagged("טיפול המשך נמשך בערך שעה וחצי.", ACUPUNCTURE) == ["שעה וחצי"]
    assert flagged("A follow-up takes about 90 minutes.", MASSAGE) == ["90 minutes"]


def test_a_length_inside_a_cases_parentheses_said_of_that_case_passes() -> None:
    assert flagged("טיפול המשך נמשך כ-45 דקות.", ACUPUNCTURE) == []
    assert flagged("טיפול ראשון נמשך כשעה וחצי, כולל אבחון.", ACUPUNCTURE) == []
    assert flagged("The first session takes about 90 minutes.", MASSAGE) == []
    assert flagged("A follow-up takes about 50 minutes.", MASSAGE) == []


# --- two values of one line ---------------------------------------------------------------

WEEKLY_LESSONS = (
    "Lesson of 45 minutes: ₪120; a second lesson the same week ₪100.\n"
    "Trial before the first course is required: ₪60."
)
WEEKLY_LESSONS_HE = (
    "שיעור של 45 דקות: 120 ₪; שיעור נוסף באותו שבוע 100 ₪.\n"
    "מפגש היכרות לפני הקורס הראשון הוא חובה: 60 ₪."
)


def test_a_sentence_saying_two_values_of_one_line_is_about_that_line() -> None:
    reply = "The first lesson each week is ₪120 and the second that week is ₪100."
    assert flagged(reply, WEEKLY_LESSONS) == []
    assert (
        flagged("השיעור הראשון בשבוע עולה 120 ₪ והנוסף באותו שבוע 100 ₪.", WEEKLY_LESSONS_HE) == []
    )


def test_two_values_of_one_line_swapped_are_still_flagged() -> None:
    assert (
        flagged("The first lesson each week is ₪100 and the second one ₪120.", WEEKLY_LESSONS) != []
    )


# --- a size said alone before its price ---------------------------------------------------

UNITS = "Units: 1 m² ₪180/month, 3 m² ₪390/month, 6 m² ₪690/month."
UNITS_HE = 'מחסנים: 2 מ"ר 250 ₪ לחודש, 5 מ"ר 480 ₪ לחודש.'


def test_a_size_between_commas_holds_the_price_after_it() -> None:
    assert flagged("Our smallest one, 1 m², is ₪390 a month.", UNITS) == ["₪390"]
    assert flagged("The mid-size unit, 3 m², costs ₪690 per month.", UNITS) == ["₪690"]
    assert flagged('הקטן ביותר, 2 מ"ר, עולה 480 ₪ לחודש.', UNITS_HE) == ["480 ₪"]
    assert flagged('המחסן הגדול, 5 מ"ר, עולה 250 ₪ לחודש.', UNITS_HE) == ["250 ₪"]


def test_a_size_between_commas_with_its_own_price_passes() -> None:
    assert flagged("Our smallest one, 1 m², is ₪180 a month.", UNITS) == []
    assert flagged("The mid-size unit, 3 m², costs ₪390 per month.", UNITS) == []
    assert flagged('הקטן ביותר, 2 מ"ר, עולה 250 ₪ לחודש.', UNITS_HE) == []


# --- with or without --------------------------------------------------------------------

BRIDAL_HE = "איפור כלה כולל ניסיון איפור: 1,800 ₪; בלי ניסיון: 1,450 ₪."
BRIDAL = "Bridal makeup with a trial: ₪1,800; without a trial: ₪1,450."
ROOM = "Double room with breakfast ₪650, without breakfast ₪520."
ROOM_HE = "חדר זוגי כולל ארוחת בוקר 650 ₪, ללא ארוחת בוקר 520 ₪."


def test_a_value_said_without_what_its_case_comes_with_is_flagged() -> None:
    [flag] = validate_reply(
        reply="איפור כלה בלי ניסיון הוא 1,800 ₪ 👰", knowledge_base=BRIDAL_HE
    ).flags
    assert flag.claim == "1,800 ₪"
    assert flag.evidence == (BRIDAL_HE,)
    assert flagged("איפור כלה עם ניסיון עולה 1,450 ₪", BRIDAL_HE) == ["1,450 ₪"]
    assert flagged("Without a trial it's ₪1,800.", BRIDAL) == ["₪1,800"]
    assert flagged("A double room without breakfast is ₪650.", ROOM) == ["₪650"]
    assert flagged("חדר זוגי ללא ארוחת בוקר עולה 650 ₪.", ROOM_HE) == ["650 ₪"]


def test_a_value_said_with_or_without_as_its_case_is_bound_to_that_case() -> None:
    assert flagged("איפור כלה בלי ניסיון הוא 1,450 ₪", BRIDAL_HE) == []
    assert flagged("איפור כלה עם ניסיון הוא 1,800 ₪", BRIDAL_HE) == []
    assert flagged("Without a trial it's ₪1,450.", BRIDAL) == []
    assert flagged("A double room without breakfast is ₪520.", ROOM) == []
    assert flagged("A double room with breakfast is ₪650.", ROOM) == []
    assert flagged("חדר זוגי ללא ארוחת בוקר עולה 520 ₪.", ROOM_HE) == []
