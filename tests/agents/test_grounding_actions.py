"""Actions and commitments: the agent has no tools, so "I've booked you in" is never true.

Each family of action (booking, sending, cancelling, refunding, discounting, noting, passing
a message on, checking, dispatching, a promised call-back) is flagged in English and in
Hebrew, beside its grounded twin: the offer, the question, what the customer can do, the
negation, the condition, the customer's own action, and the escalation sentence.
"""

from __future__ import annotations

import time

import pytest

from agents.grounding.actions import actions_flags
from agents.grounding.findings import ACTION

SALON = (
    "Bella Hair Studio - 8 Dizengoff St, Tel Aviv.\n"
    "Bookings by phone only: 03-612-4455.\n"
    "Women's cut: ₪180. Men's cut: ₪90.\n"
    "Open Sun-Thu 9:00-19:00, Fri 8:30-14:00, Saturday closed."
)
SALON_WITH_REMINDERS = SALON + "\nWe send a reminder SMS the day before every appointment."
SALON_WITH_CALLBACKS = SALON + "\nWe reply to every message within an hour during opening hours."
NAILS = (
    "סטודיו ליה לציפורניים - רחוב הרצל 12, ראשון לציון.\n"
    "קביעת תורים בוואטסאפ בלבד: 052-774-1903.\n"
    'מניקור ג\'ל: 120 ש"ח. פדיקור: 150 ש"ח.\n'
    "ביטול עד 24 שעות לפני התור."
)
NAILS_WITH_REMINDERS = NAILS + "\nאנחנו שולחים תזכורת ב-SMS יום לפני כל תור."
NAILS_WITH_CALLBACKS = NAILS + "\nאנחנו חוזרים לכל פנייה תוך שעה בשעות הפעילות."
PIZZA = (
    "Pizza Roma, 10 Herzl St, Haifa.\n"
    "Delivery 30-45 minutes in Haifa.\n"
    "Orders by phone 04-555-1234 or WhatsApp."
)

ESCALATION_EN = "I don't have that information. Let me pass you to a member of our team."
ESCALATION_HE = "אין לי את המידע הזה. אעביר אותך לנציג מהצוות."


def _flags(reply: str, kb: str = SALON, question: str = "") -> list:
    return actions_flags(reply=reply, knowledge_base=kb, question=question)


def _flagged(reply: str, kb: str = SALON, question: str = "") -> bool:
    return bool(_flags(reply, kb, question))


# --- English: each family flagged ------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Done ✅ I'm putting you down for Tuesday at 10:00, see you then!",
        "I've booked you in for Thursday at 12:00.",
        "Great news, I booked you for a women's cut on Sunday.",
        "You're all set for Thursday at 15:00 😊",
        "Your appointment is confirmed for Monday at 9:00.",
        "Your booking for Sunday has been confirmed.",
        "I've reserved a table for 4 at 20:00.",
        "We've reserved a table for you by the window.",
        "I have you down for Tuesday at 10.",
        "I've pencilled you in for Friday morning.",
        "I've moved your appointment to Wednesday at 11:00.",
        "You're on the waiting list for Saturday.",
        "I'll book you in for Tuesday at 10:00.",
        "Let me book you in for 11:00 then.",
        "Order confirmed! Two margheritas coming up 🍕",
        "I've got you down for 6 people at 19:30.",
        "Consider it done!",
        "You're in! 🧘",
        "You're in for Thursday at 18:00.",
    ],
)
def test_a_booking_claim_in_english_is_flagged(reply: str) -> None:
    flags = _flags(reply)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "book" in flags[0].reason


@pytest.mark.parametrize(
    ("reply", "word"),
    [
        ("I've sent you the price list.", "sent"),
        ("I've e-mailed the invoice to you.", "sent"),
        ("I just texted you the address 📍", "sent"),
        ("I'm sending you the menu now.", "sent"),
        ("Sent! You'll find it in your inbox.", "sent"),
        ("I've cancelled your booking for Tuesday.", "cancelled"),
        ("Your appointment has been cancelled, no charge.", "cancelled"),
        ("Your refund has been processed.", "refund"),
        ("I've refunded the lesson to your card.", "refund"),
        ("I've applied a 10% discount to your order.", "discount"),
        ("A 10% discount has been applied to your booking.", "discount"),
        ("I've noted your allergy to latex.", "note"),
        ("I've made a note that you prefer Dana.", "note"),
        ("I've let Dana know you'll be 15 minutes late.", "passed on"),
        ("I've forwarded your details to the manager.", "passed on"),
        ("I checked with the workshop: your car is ready.", "checked"),
        ("A technician is on his way to you.", "on the way"),
        ("We've sent the technician, he'll be there shortly.", "on the way"),
        ("Your order is on its way 🍕", "on the way"),
    ],
)
def test_each_english_action_family_is_flagged_with_its_own_reason(reply: str, word: str) -> None:
    flags = _flags(reply)
    assert [flag.kind for flag in flags] == [ACTION]
    assert word in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "I passed your details to Dana, she will call you within the hour.",
        "Someone from the team will ring you within the hour.",
        "A member of our team will get back to you today.",
        "Dudi will call you back in 20 minutes.",
        "You'll hear back from us by the end of the day.",
        "We'll be there within 15 minutes.",
    ],
)
def test_a_hand_off_with_a_promised_time_is_flagged(reply: str) -> None:
    flags = _flags(reply)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "within a set time" in flags[0].reason


# --- English: the grounded twins ------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # offers and questions
        "Would you like me to pass your request to the team?",
        "I can pass this on to the team.",
        "I'll pass your question to the team 😊",
        "Shall I note Tuesday 10:00?",
        "Do you want me to book you in for Tuesday?",
        "I'd be happy to help you find a time.",
        # what the customer can do, and how the business works
        "You can book by phone at 03-612-4455.",
        "Bookings are by phone only, at 03-612-4455.",
        "To cancel, just call us at least a day before.",
        # what the customer did
        "You booked for Tuesday, so you're fine.",
        "Thanks for sending the photos!",
        # negations
        "I can't book appointments myself, please call 03-612-4455.",
        "I haven't booked anything yet.",
        "Your appointment is not confirmed until you call us.",
        "I'm not able to send files from here.",
        # conditions
        "Once you book, you'll get a confirmation call from us.",
        "If you'd like, I'll book you in for Tuesday.",
        # the escalation sentences and hand-offs without a promised time
        ESCALATION_EN,
        "Thanks for your message! A member of our team will get back to you shortly.",
        "I'll pass your details to the team and someone will get back to you soon.",
        "Let me check with the team and get back to you.",
        "I'll ask Dana to get back to you.",
        # neither an action nor a booking
        "We're fully booked on Saturday, sorry.",
        "Saturday is booked up, but Sunday has space.",
        "We've added a new keratin treatment this year.",
        "See you soon!",
        "Got it: 052-333-4411, after 5pm. I'll pass it on to Dudi.",
        "We booked our first catering event in 2015.",
        "Orders are confirmed by phone.",
        "Once your order is placed, you'll get a confirmation SMS.",
        # everyday phrases that only look like a booking or a check
        "You're in for a treat!",
        "You're all set to book online.",
        "You're welcome!",
        "I've checked our hours: we're open until 19:00.",
    ],
)
def test_offers_questions_negations_and_the_escalation_sentence_in_english_pass(
    reply: str,
) -> None:
    assert _flags(reply) == []


def test_a_process_the_knowledge_base_describes_is_not_a_claim() -> None:
    reply = "You'll get a reminder SMS the day before."
    assert _flagged(reply, SALON)
    assert not _flagged(reply, SALON_WITH_REMINDERS)


def test_a_sent_thing_the_knowledge_base_does_not_send_is_flagged() -> None:
    flags = _flags("We'll send you a confirmation e-mail right after.", SALON_WITH_REMINDERS)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "knowledge base does not say" in flags[0].reason


def test_the_work_itself_delivered_is_not_a_thing_sent() -> None:
    # "You'll get your photos within 10 days" is a duration for the numbers check.
    assert not _flagged("You'll get your edited photos within two weeks.")


def test_a_call_back_time_the_knowledge_base_promises_is_not_flagged() -> None:
    reply = "Someone from the team will get back to you within the hour."
    assert _flagged(reply, SALON)
    assert not _flagged(reply, SALON_WITH_CALLBACKS)


def test_a_delivery_time_the_knowledge_base_states_is_the_businesss_own() -> None:
    # Whether "30 minutes" agrees with "30-45 minutes" is the numbers' check, not this one.
    assert not _flagged("Your pizza will be with you in 30 minutes!", PIZZA)


def test_a_delivery_time_does_not_promise_a_call_back() -> None:
    assert _flagged("We'll call you tomorrow morning to confirm.", PIZZA)
    assert _flagged("נחזור אליך מחר בבוקר.", PIZZA)


def test_a_state_the_customer_stated_first_is_theirs() -> None:
    question = "I booked online for Tuesday at 10, where do I park?"
    reply = "Parking is on the street. See you Tuesday at 10!"
    assert not _flagged(reply, question=question)
    assert _flagged(reply, question="Can I come Tuesday at 10?")


def test_the_customer_asking_for_confirmation_does_not_confirm_it() -> None:
    question = "I booked for Tuesday, is it confirmed?"
    assert _flagged("Yes, your booking is confirmed!", question=question)


@pytest.mark.parametrize(
    "reply",
    [
        "Done, I've put it aside for you under your name until Friday 👍",
        "I've set aside 2 bottles of magnesium under your name.",
        "We've put the blue bike aside for you.",
        "I've put the bike on hold for you until Sunday.",
        "I'm setting one aside for you now.",
        "I'll put one aside for you.",
        "I've saved 2 seats for you at the front.",
        "I've added your name to the list for Saturday.",
        "I've made a reservation for 4 at 20:00.",
    ],
)
def test_something_set_aside_for_the_customer_is_flagged(reply: str) -> None:
    flags = _flags(reply)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "book" in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "Lovely! May 12th is booked for you 🎉",
        "It's reserved for you until Friday.",
        "2 bottles have been set aside under your name.",
        "The 10:00 slot is now reserved for you ✅",
    ],
)
def test_a_thing_held_for_the_customer_is_flagged(reply: str) -> None:
    assert [flag.kind for flag in _flags(reply)] == [ACTION]


@pytest.mark.parametrize(
    "reply",
    [
        "Tables are held for you for 15 minutes after the booking time.",
        "Your table is held for 15 minutes after the booking time.",
        "A spot is saved for you only once the deposit is paid.",
        "I can put one aside for you if you like.",
        "Would you like me to set one aside for you?",
        "I can't put items aside, sorry, but you can order online.",
        "I'll hold it until you confirm.",
    ],
)
def test_a_rule_about_holding_and_an_offer_to_set_aside_pass(reply: str) -> None:
    assert not _flagged(reply)


def test_until_a_day_is_how_long_not_a_condition() -> None:
    assert _flagged("I've put it aside for you until Friday.")
    assert not _flagged("I'll put it aside once you confirm.")


def test_a_reply_that_opens_with_done_claims_it() -> None:
    assert _flagged("Done, see you on Tuesday then.")
    assert _flagged("Sorted - the bike is yours.")
    assert not _flagged("Once it's done, we'll call you.")


def test_the_customer_coming_does_not_make_a_claim_of_setting_aside_theirs() -> None:
    question = "Can you put aside 2 bottles for me? I'll come tomorrow"
    assert _flagged("Done ✅ I've set aside 2 bottles under your name.", question=question)
    assert not _flagged("Great, see you tomorrow at 10!", question="I'll come tomorrow at 10")


@pytest.mark.parametrize(
    ("reply", "word"),
    [
        ("I've grabbed the last two spots for you.", "book"),
        ("The 12th of May is all yours 🎉", "book"),
        ("Your place on Thursday's taster is confirmed.", "book"),
        ("Two spots for Thursday evening, booked ✅", "book"),
        ("I've put in the order for your cake.", "book"),
        ("I've changed it to 3 people.", "book"),
        ("I've waived the cancellation fee for you.", "discount"),
        ("I've upgraded you to the deluxe room.", "discount"),
        ("I've asked Ronen to call you.", "passed on"),
        ("I'll email the payment details to you.", "sent"),
        ("A payment link is on its way to your inbox.", "on the way"),
        ("Send us the design and we'll have it ready tomorrow.", "arrive"),
        ("We'll have your cake ready by Friday.", "arrive"),
    ],
)
def test_more_ways_of_saying_it_was_done_are_flagged(reply: str, word: str) -> None:
    flags = _flags(reply)
    assert [flag.kind for flag in flags] == [ACTION]
    assert word in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "The choice is yours!",
        "Tuesday is fully booked, sorry.",
        "I grabbed the info from our menu.",
        "I'll email the owner and get back to you.",
        "Feel free to ask Ronen to call you.",
        "You can have it ready by Friday if you order today.",
    ],
)
def test_their_grounded_twins_pass(reply: str) -> None:
    assert not _flagged(reply)


# --- Hebrew: each family flagged ------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "רשמתי אותך ליום שלישי ב-10:00 ✅",
        "קבעתי לך תור ליום רביעי.",
        "קבענו לכם ליום חמישי בבוקר 🙂",
        "שריינתי לכם שולחן לארבעה ב-20:00.",
        "התור שלך אושר.",
        "התור שלך נקבע ליום ראשון ב-9:00.",
        "הכנסתי אותך לרשימת ההמתנה.",
        "מחכים לך ביום שלישי ב-10!",
        "רשמנו אותך לשיעור של יום שני.",
        "העברתי את התור שלך ליום רביעי.",
        "את רשומה אצלנו לחמישי.",
        "ההזמנה שלכם התקבלה 👍",
        "אקבע לך תור לשלישי ב-10.",
        "אני רושמת אותך לחמישי ב-12:00.",
        "בוצע ✅",
        "שמרתי לך מקום בשיעור של 18:00.",
        "הכל מסודר, נתראה ביום חמישי ב-18:00!",
        "קבעתי ל-10:00 ביום שלישי.",
    ],
)
def test_a_booking_claim_in_hebrew_is_flagged(reply: str) -> None:
    flags = _flags(reply, NAILS)
    assert [flag.kind for flag in flags] == [ACTION]


@pytest.mark.parametrize(
    ("reply", "word"),
    [
        ("שלחתי לך את המחירון.", "sent"),
        ("שלחנו לך מייל עם כל הפרטים.", "sent"),
        ("אני שולחת לך עכשיו את הקישור.", "sent"),
        ("אשלח לך את המחירון בוואטסאפ.", "sent"),
        ("ביטלתי את התור של מחר.", "cancelled"),
        ("ביטלנו לך את ההזמנה.", "cancelled"),
        ("התור שלך בוטל.", "cancelled"),
        ("הזיכוי בוצע.", "refund"),
        ("החזרתי לך את הכסף לכרטיס.", "refund"),
        ("הורדתי לך 10% מהמחיר.", "discount"),
        ("ההנחה הוחלה על ההזמנה.", "discount"),
        ("רשמתי לפני שיש לך אלרגיה.", "note"),
        ("עדכנתי את דנה שתאחרי ברבע שעה.", "passed on"),
        ("העברתי את הפרטים שלך לצוות.", "passed on"),
        ("בדקתי מול המוסך: הרכב מוכן.", "checked"),
        ("הטכנאי בדרך אלייך.", "on the way"),
    ],
)
def test_each_hebrew_action_family_is_flagged_with_its_own_reason(reply: str, word: str) -> None:
    flags = _flags(reply, NAILS)
    assert [flag.kind for flag in flags] == [ACTION]
    assert word in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "העברתי את הפרטים לדנה והיא תחזור אלייך תוך שעה.",
        "נציג יחזור אליך תוך חצי שעה.",
        "ליה תתקשר אלייך עוד היום.",
        "מישהו מהצוות יחזור אליכם עד סוף היום.",
        "נחזור אלייך בעוד 10 דקות.",
    ],
)
def test_a_hebrew_hand_off_with_a_promised_time_is_flagged(reply: str) -> None:
    flags = _flags(reply, NAILS)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "within a set time" in flags[0].reason


# --- Hebrew: the grounded twins -------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        # offers and questions
        "לקבוע לך?",
        "רוצה שאקבע לך ליום שלישי?",
        "תרצי שאעביר את הבקשה לצוות?",
        "אשמח לעזור לך למצוא זמן מתאים.",
        "אעביר את השאלה לצוות 🙏",
        "אעביר לליה לבדוק ואחזור אלייך.",
        # what the customer can do, and how the business works
        "אפשר לקבוע תור בטלפון או בוואטסאפ 052-774-1903.",
        "קביעת תורים בוואטסאפ בלבד.",
        # what the customer did
        "קבעת תור לשלישי, אז הכל בסדר.",
        "תודה ששלחת את התמונות!",
        # negations
        "אני לא יכולה לקבוע תורים מכאן, אבל אפשר לקבוע בוואטסאפ.",
        "עדיין לא קבעתי לך כלום.",
        "אין לי אפשרות לתת הנחות מכאן.",
        # conditions
        "אם תרצי, אקבע לך לשלישי.",
        "ברגע שתקבעי, תקבלי אישור בוואטסאפ.",
        # the escalation sentences and hand-offs without a promised time
        ESCALATION_HE,
        "נשמח לקבוע לך תור! נציג מהצוות יחזור אליך בהקדם כדי למצוא זמן מתאים.",
        "תודה על ההודעה! נציג מהצוות יחזור אליך בהקדם.",
        "אבדוק עם ליה ואחזור אלייך.",
        # neither an action nor a booking
        "כפי שרשמתי קודם, אנחנו סגורים בשבת.",
        "קבענו את המחירים לפי אורך הציפורן.",
        "שלחנו כבר אלפי זרים ברחבי הארץ.",
        "נתראה!",
        # telling the customer what to do, in the plural imperative
        'שריינו מקום מראש, בסופ"ש מלא!',
        "קבעו תור בוואטסאפ.",
        "שלחו לנו הודעה ונחזור אליכם.",
        "רשמנו את כל המחירים באתר.",
        'הוספתי את המחירים: מניקור 120 ש"ח.',
    ],
)
def test_offers_questions_negations_and_the_escalation_sentence_in_hebrew_pass(
    reply: str,
) -> None:
    assert _flags(reply, NAILS) == []


def test_a_hebrew_process_the_knowledge_base_describes_is_not_a_claim() -> None:
    reply = "תקבלי תזכורת ב-SMS יום לפני התור."
    assert _flagged(reply, NAILS)
    assert not _flagged(reply, NAILS_WITH_REMINDERS)


def test_a_hebrew_call_back_time_the_knowledge_base_promises_is_not_flagged() -> None:
    reply = "נציג יחזור אלייך תוך שעה."
    assert _flagged(reply, NAILS)
    assert not _flagged(reply, NAILS_WITH_CALLBACKS)


def test_a_hebrew_state_the_customer_stated_first_is_theirs() -> None:
    reply = "מעולה, מחכים לך ביום שלישי ב-10!"
    assert not _flagged(reply, NAILS, question="קבעתי תור לשלישי ב-10, איפה חונים?")
    assert _flagged(reply, NAILS, question="אפשר תור לשלישי ב-10?")


@pytest.mark.parametrize(
    "reply",
    [
        "מעולה! שמתי אותך ביומן של רונן ליום ראשון 🚗",
        "שמתי לך בצד 2 בקבוקים של מגנזיום.",
        "הפרשתי 2 בקבוקים על שמך.",
        "שמרנו לכם את האופניים בצד עד שישי.",
        "תפסתי לך מקום בשיעור של חמישי.",
        "סידרתי לך תור ליום שני.",
        "התאריך שמור לכם 🎉",
        "היחידה משוריינת לכם מ-12 עד 14 ביוני.",
        "2 בקבוקים מונחים בצד על שמך.",
    ],
)
def test_something_set_aside_or_held_for_the_customer_in_hebrew_is_flagged(reply: str) -> None:
    flags = _flags(reply, NAILS)
    assert [flag.kind for flag in flags] == [ACTION]
    assert "book" in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "המקום סגור בשבת.",
        "הסטודיו סגור בחגים.",
        "המקום שמור לכם ל-15 דקות.",
        "השולחן שמור לכם עד 15 דקות מהשעה שהזמנתם.",
        "שמתי לב שביקשת תור ליום ראשון, אעביר את הבקשה לצוות.",
        "הנחתי שמדובר בתור ליום ראשון.",
        "אפשר לשמור לך בצד עד מחר.",
        "רוצה שאשים לך אחד בצד?",
    ],
)
def test_closed_on_a_day_a_rule_about_holding_and_an_offer_in_hebrew_pass(reply: str) -> None:
    assert not _flagged(reply, NAILS)


@pytest.mark.parametrize(
    ("reply", "word"),
    [
        ("החלפתי לך את התור ל-11:00.", "book"),
        ("הזזתי את התור שלך ליום רביעי.", "book"),
        ("התאריך נעול עבורכם.", "book"),
        ("הכל מוכן בשבילך בקופה.", "book"),
        ("2 מקומות לחמישי בערב, משוריין ✅", "book"),
        ("ויתרתי לך על דמי הביטול.", "discount"),
        ("שדרגתי אתכם לסוויטה.", "discount"),
        ("ביקשתי מרונן שיתקשר אלייך.", "passed on"),
        ("נכין לך את העוגה עד יום שישי.", "arrive"),
        ("פרטי המקדמה יישלחו אלייך במייל.", "sent"),
    ],
)
def test_more_ways_of_saying_it_was_done_in_hebrew_are_flagged(reply: str, word: str) -> None:
    flags = _flags(reply, NAILS)
    assert [flag.kind for flag in flags] == [ACTION]
    assert word in flags[0].reason


@pytest.mark.parametrize(
    "reply",
    [
        "רונן יתקשר אלייך לתאם שעה.",
        "אפשר לשריין לך מקום, רק תאשר.",
        "כדי לשריין מקום צריך לשלם מקדמה.",
        "השולחן נשמר לרבע שעה בלבד.",
        "שמתי לב שאתם מגיעים ביום ראשון.",
        "אני יכולה לבקש מרונן שיתקשר אלייך.",
    ],
)
def test_their_hebrew_grounded_twins_pass(reply: str) -> None:
    assert not _flagged(reply, NAILS)


# --- the flag itself ---------------------------------------------------------------------------


def test_the_flag_covers_the_sentence_in_the_original_reply() -> None:
    reply = "Thanks Maya! I've booked you in for Tuesday at 10:00. Anything else?"
    (flag,) = _flags(reply)
    assert flag.claim == "I've booked you in for Tuesday at 10:00"
    assert reply[flag.start : flag.end] == flag.claim
    assert "“I've booked”" in flag.reason


def test_a_hebrew_flag_spans_the_original_text_with_direction_marks() -> None:
    reply = "היי! \u200fרשמתי אותך ליום שלישי ב-10:00 ✅"
    (flag,) = _flags(reply, NAILS)
    assert reply[flag.start : flag.end] == flag.claim
    assert flag.claim.startswith("\u200fרשמתי") or flag.claim.startswith("רשמתי")


def test_the_evidence_is_how_bookings_work_in_the_knowledge_base() -> None:
    (flag,) = _flags("I've booked you in for Tuesday.")
    assert flag.evidence == ("Bookings by phone only: 03-612-4455.",)
    (flag,) = _flags("קבעתי לך תור לשלישי.", NAILS)
    assert flag.evidence == (
        "קביעת תורים בוואטסאפ בלבד: 052-774-1903.",
        "ביטול עד 24 שעות לפני התור.",
    )


def test_the_evidence_is_empty_when_the_knowledge_base_says_nothing_about_it() -> None:
    (flag,) = _flags("I've applied a discount to your order.")
    assert flag.evidence == ()


def test_one_flag_per_sentence_and_one_per_claiming_sentence() -> None:
    reply = "I've booked you in and sent you a reminder. I've also noted your allergy."
    assert len(_flags(reply)) == 2


def test_a_mixed_language_reply_is_read_in_both() -> None:
    reply = "Hi! רשמתי אותך ליום שלישי. See you Tuesday at 10!"
    assert len(_flags(reply, NAILS)) == 2


def test_it_is_fast_on_a_twelve_line_knowledge_base() -> None:
    kb = "\n".join([SALON, NAILS, SALON_WITH_CALLBACKS.splitlines()[-1]] * 2).splitlines()[:12]
    knowledge_base = "\n".join(kb)
    replies = [
        "Done ✅ I'm putting you down for Tuesday at 10:00, see you then!",
        "A women's cut is ₪180 and takes about an hour. We're open until 19:00.",
        "העברתי את הפרטים לדנה והיא תחזור אלייך תוך שעה.",
        ESCALATION_HE,
    ]
    actions_flags(reply=replies[0], knowledge_base=knowledge_base)
    rounds = 250
    began = time.perf_counter()
    for _ in range(rounds):
        for reply in replies:
            actions_flags(reply=reply, knowledge_base=knowledge_base)
    per_call = (time.perf_counter() - began) / (rounds * len(replies))
    assert per_call < 0.002


# --- round 2 ---------------------------------------------------------------------------------


def test_registering_a_named_child_for_something_is_flagged_in_hebrew() -> None:
    assert _flagged("מעולה! רשמתי את נועה לצהרון לשנה הבאה 🎉", NAILS)
    assert not _flagged("אפשר לרשום את נועה לצהרון בטלפון.", NAILS)


def test_a_payment_said_approved_is_flagged_in_hebrew() -> None:
    assert _flagged("קיבלתי, תודה! התשלום לחודש אושר ✅", NAILS)
    assert not _flagged("התשלום לחודש לא אושר עדיין, כדאי לבדוק מול הבנק.", NAILS)


def test_a_record_checked_by_its_number_is_flagged_in_english() -> None:
    assert _flagged("I checked repair #4471 – it's ready and waiting for you!", SALON)
    assert _flagged("בדקתי מול המעבדה – המחשב מוכן.", NAILS)
    assert not _flagged("You can check repair #4471 by phone.", SALON)


def test_a_rider_on_the_way_is_flagged() -> None:
    assert _flagged("On it! A rider is on the way to Dizengoff 100 🚴", PIZZA)
    assert not _flagged("Once you order, a rider is usually on the way within an hour.", PIZZA)
