"""Services: a "yes" to "do you do X?" must not offer what the knowledge base denies or, in
its own language, never names."""

from __future__ import annotations

from agents.grounding.findings import ENTITY
from agents.grounding.services import services_flags

BIKES = """Spokes - bicycle shop and repair workshop, Kfar Saba.
Basic tune-up: ₪150. We repair city bikes and mountain bikes.
We do not do microblading.
No e-scooters.
We glaze nothing; no shipping.
We don't do gas work or install air conditioners.
Water heater replacement: from ₪1,900.
No classes on Saturday.
I don't teach university courses, chemistry or English.
No private parking; a public car park is next door."""

CLINIC = """פיזיו חולון - רחוב סוקולוב 73, חולון.
אין חניה פרטית - יש חניון עירוני ברחוב המעפילים.
אין שירות איסוף והחזרה.
אין לנו בלונים ואין שוקולדים.
מטפלים בכלבים ובחתולים בלבד.
לא מובילים פסנתרים."""


def claims(reply: str, question: str, knowledge_base: str = BIKES) -> list[str]:
    found = services_flags(reply=reply, knowledge_base=knowledge_base, question=question)
    assert all(flag.kind == ENTITY for flag in found)
    return [flag.claim for flag in found]


def test_a_yes_to_a_thing_the_knowledge_base_denies_is_flagged_with_its_line() -> None:
    found = services_flags(
        reply="Yes, we repair e-scooters too, bring it in any time.",
        knowledge_base=BIKES,
        question="Do you fix e-scooters? My brakes squeak",
    )
    assert [flag.claim for flag in found] == ["e-scooters"]
    assert found[0].evidence == ("No e-scooters.",)


def test_a_no_to_a_thing_the_knowledge_base_denies_is_not_flagged() -> None:
    assert claims("Sorry, we don't do e-scooters.", "Do you fix e-scooters?") == []
    assert claims("לצערי אין לנו בלונים.", "אפשר להוסיף בלונים לזר?", CLINIC) == []


def test_a_yes_to_a_thing_the_knowledge_base_offers_is_not_flagged() -> None:
    assert claims("Yes, we fix mountain bikes.", "Do you fix mountain bikes?") == []
    assert claims("כן, מטפלים גם בחתולים.", "יש לי חתול, אתם מטפלים?", CLINIC) == []


def test_a_yes_to_a_denied_thing_in_hebrew_is_flagged() -> None:
    assert claims("כן, אפשר להוסיף בלון הליום לכל זר", "אפשר להוסיף בלונים לזר?", CLINIC) == [
        "בלון"
    ]
    assert claims("כן, אנחנו מובילים גם פסנתרים.", "יש לי פסנתר, אתם מובילים?", CLINIC) == [
        "פסנתרים"
    ]


def test_a_verb_of_the_question_is_denied_by_a_no_in_both_languages() -> None:
    assert claims("Sure, we can ship your pieces to you.", "Can you ship my pieces?") == ["ship"]
    assert claims("כן, אנחנו אוספים ומחזירים.", "אתם יכולים לאסוף את הכלב מהבית?", CLINIC) == [
        "אוספים"
    ]


def test_a_verb_is_not_denied_by_a_not_that_denies_something_else() -> None:
    # "I don't teach university courses" does not say maths is not taught.
    tutor = "Noam - private maths tutor.\nI don't teach university courses."
    assert claims("Yes, I teach maths up to bagrut.", "Can you teach maths?", tutor) == []
    hebrew_tutor = "רון - מורה פרטי למתמטיקה.\nלא מלמדים קורסים באוניברסיטה."
    assert claims("כן, אני מלמד מתמטיקה.", "אתה מלמד מתמטיקה?", hebrew_tutor) == []


def test_a_word_of_a_list_after_a_not_is_denied() -> None:
    assert claims("Yes, I teach chemistry too.", "do you do chemistry too?") == ["chemistry"]


def test_a_narrowed_no_says_the_thing_exists() -> None:
    # "No classes on Saturday" says there are classes.
    assert claims("Yes, we have classes for kids.", "Do you have classes?") == []


def test_a_denied_kind_of_a_named_thing_is_flagged_in_both_languages() -> None:
    assert claims("כן, יש לנו חניה פרטית מאחורי הבניין", "יש לכם חניה?", CLINIC) == ["חניה פרטית"]
    assert claims("Yes, we have private parking behind the shop.", "Is there parking?") == [
        "private parking"
    ]
    assert claims("Yes, there's a public car park next door.", "Is there parking?") == []
    assert claims("כן, יש חניון עירוני ברחוב המעפילים.", "יש לכם חניה?", CLINIC) == []


def test_a_thing_the_knowledge_base_never_names_in_its_language_is_flagged() -> None:
    assert claims("Yes! Pilates mat classes run on Mondays.", "Do you have pilates too?") == [
        "Pilates"
    ]
    assert claims("כן, מטפלים גם בארנבים 🐰", "יש לי ארנב, אתם מטפלים?", CLINIC) == ["בארנבים"]


def test_a_thing_asked_in_the_other_language_than_the_knowledge_base_is_not_judged() -> None:
    assert claims("כן, יש לנו פילאטיס.", "יש לכם פילאטיס?") == []
    assert claims("Yes, we have pilates.", "Do you have pilates?", CLINIC) == []


def test_a_question_a_condition_or_a_deflection_in_the_reply_asserts_nothing() -> None:
    question = "Do you fix e-scooters?"
    assert claims("Do you mean e-scooters or e-bikes?", question) == []
    assert claims("If it's e-scooters, I'll check with the team.", question) == []
    assert claims("כן? אתה מתכוון לבלונים?", "אפשר להוסיף בלונים לזר?", CLINIC) == []


def test_without_a_capability_question_nothing_is_read() -> None:
    assert claims("Yes, we repair e-scooters.", "") == []
    assert claims("Yes, we repair e-scooters.", "Thanks, see you tomorrow") == []


BRIDAL = """Bridal makeup: ₪1,800.
Hairstyling: not offered.
Gel nails we don't do, sorry.
Booking by phone: not possible, WhatsApp only.
תסרוקות לא עושה (ממליצה על מעצבת שיער).
כוסות רוח אנחנו לא עושים.
משלוחים: לא זמין כרגע."""


def test_a_thing_named_before_its_not_offered_is_denied() -> None:
    assert claims("Yes, we do hairstyling too.", "Do you do hairstyling?", BRIDAL) == [
        "hairstyling"
    ]
    assert claims("Yes, we do gel nails as well.", "Do you do gel nails?", BRIDAL) == ["gel"]
    assert claims("כן, אני עושה גם תסרוקות כלה", "את עושה גם תסרוקת?", BRIDAL) == ["תסרוקות"]
    assert claims("כן, אנחנו עושים גם כוסות רוח.", "אתם עושים כוסות רוח?", BRIDAL) == ["כוסות"]
    assert claims("כן, יש לנו גם משלוחים", "יש לכם משלוחים?", BRIDAL) == ["משלוחים"]


def test_a_way_of_doing_a_thing_that_is_not_possible_does_not_deny_the_thing() -> None:
    assert claims("Yes, you can book by WhatsApp.", "Can I book?", BRIDAL) == []
    assert claims("Yes, we do bridal makeup.", "Do you do bridal makeup?", BRIDAL) == []
    assert (
        claims("כן, מציעים איפור כלה", "יש לכם איפור כלה?", BRIDAL + "\nאיפור כלה: 1,800 ₪") == []
    )
