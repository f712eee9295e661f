"""Build eval/claims_holdout3.jsonl, the third blind held-out set for claims without numbers.

Run from the eval directory: python3 build_claims_holdout3.py
Each knowledge base is written once here, so every case of a business shares the same text.
"""

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "claims_holdout3.jsonl"

UNGROUNDED = {
    "number",
    "binding",
    "action",
    "contact",
    "entity",
    "offer",
    "policy",
    "affirmation",
}
GROUNDED = {
    "paraphrase",
    "combination",
    "quote",
    "echo",
    "deflection",
    "negative_fact",
    "smalltalk",
}


def u(category, question, reply, note, lang=None):
    """An ungrounded case: exactly one unsupported claim, described in `note`."""
    assert category in UNGROUNDED, category
    return {"category": category, "q": question, "r": reply, "note": note, "lang": lang}


def g(category, question, reply, lang=None):
    """A grounded case: nothing in the reply goes beyond the knowledge base."""
    assert category in GROUNDED, category
    return {"category": category, "q": question, "r": reply, "note": None, "lang": lang}


# ---------------------------------------------------------------------------
# 1. Tile and flooring installer (Hebrew)
# ---------------------------------------------------------------------------
TILES_KB = "\n".join(
    [
        "גל ריצופים – ריצוף, חיפוי ופרקט למינציה. בעלים: גל אוחיון.",
        "טלפון / וואטסאפ: 052-6613408 | אינסטגרם: @gal_ritzuf",
        "תצוגה ומשרד: רחוב המלאכה 27, ראשון לציון (ביקור בתיאום מראש בלבד).",
        "אזור שירות: ראשון לציון, חולון, בת ים, נס ציונה ורחובות. לא עובדים בירושלים ובצפון.",
        'ריצוף: 95 ₪ למ"ר לאריחים עד 60x60, אריחים גדולים (120x60 ומעלה) 140 ₪ למ"ר.',
        'פרקט למינציה: 70 ₪ למ"ר כולל התקנת פנלים.',
        'פירוק ריצוף ישן: 45 ₪ למ"ר, פינוי הפסולת כלול.',
        'ביקור מדידה והצעת מחיר: 250 ₪; בעבודות מעל 80 מ"ר – ללא תשלום.',
        "מקדמה: 30% בחתימה על ההזמנה, היתרה בסיום העבודה.",
        "זמן המתנה לתחילת עבודה: בערך שלושה שבועות.",
        "שעות עבודה: א'-ה' 7:00-16:00, שישי עד 12:00. שבת סגור.",
        "תשלום: העברה בנקאית, ביט או צ'קים. לא מקבלים כרטיסי אשראי.",
        "אחריות: שנתיים על העבודה (לא על האריחים עצמם).",
        "לא מוכרים אריחים – הלקוח קונה בחנות ואנחנו מתקינים. לא עושים אינסטלציה ושיפוץ אמבטיה מלא.",
    ]
)

TILES = [
    u(
        "number",
        "כמה עולה לפרק ריצוף ישן?",
        'פירוק ריצוף ישן עולה 55 ₪ למ"ר, והפינוי של הפסולת כבר כלול 👍',
        "removal price 55 (KB 45)",
    ),
    u(
        "binding",
        "קניתי אריחים 120 על 60 לסלון, כמה זה יוצא למטר?",
        'לאריחים כאלה המחיר הוא 95 ₪ למ"ר.',
        "95 is the price for tiles up to 60x60; large tiles are 140",
    ),
    u(
        "action",
        "אפשר לקבוע ביקור מדידה ליום שלישי בבוקר?",
        "סגור! קבעתי לך ביקור מדידה לשלישי בבוקר ✅ גל יגיע אליך.",
        "claims the measuring visit was booked",
    ),
    u(
        "contact",
        "איפה אפשר לראות עבודות שעשיתם?",
        "יש המון תמונות באתר שלנו galritzuf.co.il 😊",
        "website not in KB (only Instagram)",
    ),
    u(
        "entity",
        "אפשר לשלם בכרטיס אשראי? עדיף לי בתשלומים",
        "כן, אפשר לשלם באשראי, וגם בביט או בהעברה בנקאית.",
        "credit card, KB says not accepted",
    ),
    u(
        "offer",
        "הביקור מדידה עולה כסף? הדירה שלי 60 מטר",
        "ביקור המדידה אצלנו בלי תשלום, לא משנה מה גודל הדירה 😊",
        "measuring visit free only over 80 m²",
    ),
    u(
        "policy",
        "צריך לשלם משהו מראש?",
        "לא, אין צורך במקדמה – משלמים הכל בסיום העבודה 🙂",
        "KB requires a 30% deposit",
    ),
    u(
        "affirmation",
        "אתם עושים גם את האינסטלציה? רוצה לעשות שיפוץ אמבטיה מלא",
        "כן, בטח! 💪",
        "no plumbing or full bathroom renovation",
    ),
    u(
        "policy",
        "אנחנו גרים בקריית מוצקין, אתם מגיעים לשם?",
        "כן, אנחנו עובדים בכל הארץ, גם בצפון 👷",
        "KB: not in Jerusalem or the north",
    ),
    u(
        "number",
        "כמה אחריות אתם נותנים על הריצוף?",
        "יש לנו אחריות של 3 שנים על העבודה, לא על האריחים עצמם.",
        "warranty 3 years (KB two years)",
    ),
    g(
        "paraphrase",
        "מה השעות שלכם?",
        "אנחנו עובדים מראשון עד חמישי משבע בבוקר עד ארבע אחר הצהריים, ובשישי עד 12. בשבת סגור.",
    ),
    g(
        "combination",
        'אני רוצה לפרק ריצוף ישן ולרצף מחדש 50 מ"ר באריחים 60 על 60. כמה זה יעלה בערך?',
        'הפירוק של הישן הוא 45 ₪ למ"ר כולל פינוי פסולת, והריצוף באריחים 60x60 הוא 95 ₪ למ"ר. בנוסף יש ביקור מדידה ב-250 ₪.',
    ),
    g(
        "negative_fact",
        "אתם גם מוכרים אריחים או שאני צריך לקנות?",
        "אנחנו לא מוכרים אריחים – קונים אותם בחנות ואנחנו מתקינים 🙂",
    ),
    g(
        "echo",
        "אני בנס ציונה, רחוב הבנים 14. זה באזור שלכם?",
        "נס ציונה באזור השירות שלנו 👍 רחוב הבנים 14, נכון? מה גודל השטח בערך?",
    ),
    g(
        "deflection",
        "אפשר לקבל הנחה אם אני סוגר גם את הסלון וגם את המטבח?",
        "את זה אני לא יכול לאשר מכאן, אעביר את השאלה לגל והוא יחזור אליך 🙂",
    ),
    g(
        "quote",
        "מה עם אחריות?",
        "אחריות: שנתיים על העבודה (לא על האריחים עצמם).",
    ),
    g("smalltalk", "תודה רבה, יצא מהמם!", "איזה כיף לשמוע! תודה לך 🙏 תהנו מהבית"),
    g(
        "negative_fact",
        "אפשר לשלם באשראי?",
        "לצערנו אנחנו לא מקבלים כרטיסי אשראי. אפשר לשלם בהעברה בנקאית, בביט או בצ'קים.",
    ),
    g(
        "paraphrase",
        "תוך כמה זמן אתם יכולים להתחיל?",
        "כרגע זמן ההמתנה לתחילת עבודה הוא בערך 3 שבועות.",
    ),
]

# ---------------------------------------------------------------------------
# 2. Language tutor for adults (English)
# ---------------------------------------------------------------------------
TUTOR_KB = "\n".join(
    [
        "Lingua Loft – Spanish and Italian lessons for adults (18+ only), taught by Daniela Ferrante.",
        "Studio: 9 Mazeh Street, 2nd floor, Tel Aviv. Lessons also on Zoom.",
        "Phone / WhatsApp: 054-772-1903 | Email: daniela@lingualoft.co.il",
        "Private lesson: ₪190 for 60 minutes in the studio, ₪170 on Zoom.",
        "Small group (3-5 students): ₪95 per person per 90-minute session, once a week.",
        "Package of 10 private lessons: ₪1,750, valid for four months.",
        "First 20-minute placement chat is free (Zoom only).",
        "Lessons Sunday-Thursday 8:00-21:00, Friday 8:00-13:00. No lessons on Saturday.",
        "Cancellation: free up to 24 hours before; later cancellations are charged in full.",
        "Payment: Bit, PayBox, bank transfer or cash at the studio. No credit cards.",
        "Materials are sent as PDFs; printed textbooks are not included.",
        "No children's or teen lessons. No DELE/CILS exam prep and no translation services.",
    ]
)

TUTOR = [
    u(
        "number",
        "How much is a group class?",
        "Group sessions are ₪110 per person for 90 minutes, once a week 🙂",
        "group price 110 (KB 95)",
    ),
    u(
        "binding",
        "How much is a private lesson if I come to the studio?",
        "A private lesson at the studio is ₪170 for the hour.",
        "170 is the Zoom price; studio is 190",
    ),
    u(
        "binding",
        "Can I come in on Friday evening after work, like 7pm?",
        "Fridays are fine, lessons run until 21:00 so 7pm works.",
        "21:00 is the Sun-Thu end; Friday ends 13:00",
    ),
    u(
        "action",
        "Can you put me down for a private lesson Tuesday at 6pm?",
        "Done! You're booked in for Tuesday at 18:00 at the studio ✅",
        "claims a booking was made",
    ),
    u(
        "action",
        "Could you send me the beginner materials so I can have a look?",
        "Sure thing, I've just emailed you the beginner PDFs 📩",
        "claims an email was sent",
    ),
    u(
        "contact",
        "What's the exact address of the studio?",
        "We're at 19 Mazeh Street, 2nd floor, in Tel Aviv.",
        "house number 19 (KB 9)",
    ),
    u(
        "entity",
        "Do you also teach Portuguese? My partner is Brazilian 😅",
        "Yes! Besides Spanish and Italian I teach Portuguese too, it's a lovely one to learn.",
        "Portuguese not offered",
    ),
    u(
        "offer",
        "If I buy the 10-lesson package do I get the textbook?",
        "With the 10-lesson package the printed textbook comes at no extra cost 📚",
        "printed textbooks not included",
    ),
    u(
        "policy",
        "My daughter is 15 and wants to learn Italian too, can she join the group?",
        "Of course, teens are welcome in the group sessions! 🇮🇹",
        "adults 18+ only, no teen lessons",
    ),
    u(
        "affirmation",
        "Any chance we could do a lesson this Saturday morning?",
        "Sure, Saturday morning works! 😊",
        "no lessons on Saturday",
    ),
    u(
        "offer",
        "Can I do the free placement chat in person at the studio instead of Zoom?",
        "Yes, the free 20-minute placement chat can be at the studio or on Zoom, whatever suits you.",
        "free placement chat is Zoom only",
    ),
    u(
        "policy",
        "I need to cancel tomorrow morning's lesson, it's about 10 hours from now. Will I be charged?",
        "No worries at all, there's no charge – you can cancel whenever you need 🙏",
        "cancellations under 24 hours are charged in full",
    ),
    u(
        "entity",
        "Can I pay by credit card?",
        "Yes, credit cards are fine, or Bit if that's easier.",
        "credit cards, KB says no",
    ),
    u(
        "contact",
        "What's the best email to reach Daniela?",
        "You can write to her at daniela@lingualoft.com 😊",
        "email domain .com (KB .co.il)",
    ),
    g("paraphrase", "price for zoom lessons?", "On Zoom a private hour is 170 shekels."),
    g(
        "paraphrase",
        "How long is the package good for?",
        "The 10-lesson pack is ₪1,750 and you have 4 months to use it.",
    ),
    g(
        "combination",
        "I'm torn between private and group. What's the difference price-wise?",
        "Private is ₪190 an hour at the studio (₪170 on Zoom). The small group, 3 to 5 people, is ₪95 each for a 90-minute session once a week.",
    ),
    g(
        "quote",
        "What's your cancellation policy?",
        "Cancellation: free up to 24 hours before; later cancellations are charged in full.",
    ),
    g(
        "echo",
        "My number is 050-338-1176, can Daniela call me after 5?",
        "Got it, 050-338-1176 – I'll pass it on to Daniela so she can give you a call after 5 😊",
    ),
    g(
        "deflection",
        "Do you have a discount for couples who learn together?",
        "Good question! I don't have info on that, let me check with Daniela and get back to you.",
    ),
    g(
        "negative_fact",
        "Do you do DELE exam prep? I need the B2 for citizenship",
        "Sorry, DELE and CILS exam prep isn't something we offer. The lessons are general Spanish and Italian for adults.",
    ),
    g(
        "negative_fact",
        "Do you teach kids? My son is 10",
        "No, sorry – lessons are for adults only, 18 and up.",
    ),
    g("smalltalk", "Grazie mille!!", "Prego! 😊 Have a lovely evening."),
    g(
        "echo",
        "Is Thursday 20:00 ok for a private lesson on Zoom?",
        "Thursday at 20:00 on Zoom – let me confirm with Daniela and come back to you.",
    ),
    g(
        "deflection",
        "I'd like to book the free placement chat",
        "Happy to hear it! You can set it up directly with Daniela on WhatsApp at 054-772-1903 or by email at daniela@lingualoft.co.il.",
    ),
    g("smalltalk", "Hi!", "Hi there! 👋 How can I help?"),
    g(
        "quote",
        "do I need to buy a book?",
        "Materials are sent as PDFs; printed textbooks are not included.",
    ),
]

# ---------------------------------------------------------------------------
# 3. Phone-repair kiosk (Hebrew)
# ---------------------------------------------------------------------------
PHONES_KB = "\n".join(
    [
        "פיקסון – מעבדת תיקון סלולר, קיוסק בקניון הזהב, קומה 1 ליד הכניסה הראשית.",
        "כתובת: רחוב דוד סחרוב 21, ראשון לציון.",
        "טלפון: 03-9512277 | וואטסאפ: 058-4410962",
        "שעות: א'-ה' 10:00-21:00, שישי 9:00-14:00, מוצ\"ש משעה אחרי צאת השבת עד 23:00.",
        "החלפת מסך: אייפון מ-450 ₪, סמסונג מ-380 ₪ (תלוי בדגם).",
        "החלפת סוללה: 220 ₪ לאייפון, 190 ₪ לשאר הדגמים; לוקח בערך חצי שעה.",
        "בדיקת תקלה: 50 ₪, ובחינם אם מבצעים אצלנו את התיקון.",
        "מגן מסך זכוכית: 60 ₪, ההדבקה חינם.",
        "שליח איסוף והחזרה בראשון לציון: 40 ₪, חינם לתיקונים מעל 500 ₪.",
        "אחריות: 90 יום על מסכים וסוללות. אין אחריות על נזקי מים.",
        "נזקי מים: אין התחייבות להצלחה, בדיקה בלבד 50 ₪.",
        "אמצעי תשלום: מזומן, אשראי, ביט.",
        "לא מתקנים מחשבים ניידים וטאבלטים. לא פותחים נעילת iCloud.",
        "בלי תור – פשוט מגיעים לקיוסק.",
    ]
)

PHONES = [
    u(
        "number",
        "כמה עולה להחליף סוללה באייפון?",
        "החלפת סוללה לאייפון עולה 250 ₪ ולוקחת בערך חצי שעה 🔋",
        "iPhone battery 250 (KB 220)",
    ),
    u(
        "binding",
        "יש לי גלקסי A52, כמה עולה סוללה חדשה?",
        "לסמסונג החלפת סוללה היא 220 ₪, תוך חצי שעה בערך.",
        "220 is the iPhone battery price; other models 190",
    ),
    u(
        "binding",
        "תיקנתם לי טלפון שנפל למים, יש אחריות על זה?",
        "כן, על תיקון נזקי מים יש אחריות של 90 יום 👍",
        "90-day warranty is for screens and batteries; none on water damage",
    ),
    u(
        "action",
        "אפשר לשריין לי מסך לאייפון 13 שיחכה מחר?",
        "שריינתי לך מסך לאייפון 13, יחכה לך מחר בקיוסק 👌",
        "claims a screen was reserved",
    ),
    u(
        "contact",
        "יש לכם אינסטגרם?",
        "בטח! תעקבו אחרינו ב-@fixon_rishon 📱",
        "Instagram handle not in KB",
    ),
    u(
        "entity",
        "אתם מתקנים גם אייפד? המסך נסדק",
        "כן, אנחנו מתקנים גם אייפדים וטאבלטים, תביא אותו לקיוסק 😊",
        "tablets not repaired",
    ),
    u(
        "offer",
        "אם אני מחליף אצלכם מסך, מגן המסך עליכם?",
        "בטח, עם החלפת מסך מגן הזכוכית מתנה מאיתנו 🎁",
        "screen protector costs 60 (only fitting is free)",
    ),
    u(
        "policy",
        "צריך לקבוע תור או שאפשר פשוט לבוא?",
        "עובדים רק בתיאום מראש – תשלח הודעה לפני שאתה מגיע ונקבע לך שעה.",
        "KB: no appointment, just come",
    ),
    u(
        "affirmation",
        "שכחתי את הסיסמה של האפל איידי, אתם יכולים לפתוח נעילת iCloud?",
        "כן, אין בעיה 👍",
        "iCloud unlock not offered",
    ),
    u(
        "entity",
        "אפשר לשלם בפייבוקס?",
        "אפשר, אנחנו מקבלים מזומן, אשראי, ביט ופייבוקס.",
        "PayBox not among payment methods",
    ),
    u(
        "offer",
        "מסך לאייפון ב-450, השליח יהיה בחינם?",
        "כן, השליח איסוף והחזרה בחינם לכל תיקון בראשון 😊",
        "free courier only for repairs over 500",
    ),
    g(
        "paraphrase",
        "מתי אתם פותחים במוצאי שבת?",
        'במוצ"ש פותחים שעה אחרי צאת השבת ועד 11 בלילה 🌙',
    ),
    g(
        "combination",
        "כמה עולה מסך לסמסונג ויש אחריות?",
        "החלפת מסך לסמסונג מתחילה מ-380 ₪, תלוי בדגם, ויש 90 יום אחריות על המסך.",
    ),
    g(
        "negative_fact",
        "הלפטופ שלי לא נדלק, אפשר להביא אליכם?",
        "לצערנו אנחנו לא מתקנים מחשבים ניידים 🙏",
    ),
    g(
        "echo",
        "אני אגיע ביום רביעי בסביבות 18:30 עם אייפון 12, זה בסדר?",
        "רביעי ב-18:30 מתאים, אנחנו פתוחים עד 21:00. אין צורך בתור, פשוט תגיע לקיוסק 👍",
    ),
    g(
        "deflection",
        "כמה עולה להחליף מצלמה אחורית באייפון 14?",
        "אין לי מחיר מדויק לזה, אעביר את השאלה לטכנאי ונחזור אליך.",
    ),
    g(
        "quote",
        "הטלפון נפל לבריכה, אתם מתקנים?",
        "נזקי מים: אין התחייבות להצלחה, בדיקה בלבד 50 ₪.",
    ),
    g(
        "paraphrase",
        "כמה עולה לבדוק מה יש לטלפון?",
        "הבדיקה עולה 50 שקל, ואם עושים אצלנו את התיקון היא לא עולה כלום.",
    ),
    g("smalltalk", "וואו תודה, הטלפון כמו חדש", "איזה כיף לשמוע! 🙌 תהנה ממנו"),
]

# ---------------------------------------------------------------------------
# 4. Cat-sitting service (English)
# ---------------------------------------------------------------------------
CATS_KB = "\n".join(
    [
        "Whisker Watch – home visits for cats while you're away. Run by Noa Levi, Haifa.",
        "Area: Haifa (Carmel, Ahuza, Neve Sha'anan, downtown) and Kiryat Tiv'on. We don't cover the Krayot.",
        "Phone / WhatsApp: 052-880-4415 | Instagram: @whiskerwatch.haifa",
        "Visit of 30 minutes: ₪75; a second visit on the same day ₪60.",
        "Overnight stay at your home (8pm-8am): ₪260 per night.",
        "Medication (pills, drops) included; injections (e.g. insulin) ₪20 extra per visit.",
        "Meet-and-greet visit before the first booking is required: ₪50, free for bookings of 7 visits or more.",
        "Book at least five days ahead; over Pesach and Sukkot, two weeks ahead.",
        "Cancellation: full refund up to 72 hours before; after that 50% is charged.",
        "Payment: Bit or bank transfer, half in advance when booking.",
        "Cats only – no dogs, birds or rabbits. We don't take cats to our home (no boarding).",
        "A photo update is sent after every visit.",
    ]
)

CATS = [
    u(
        "number",
        "How much for an overnight stay?",
        "An overnight at your place (8pm to 8am) is ₪290 a night 🐱",
        "overnight 290 (KB 260)",
    ),
    u(
        "binding",
        "What do you charge for a single visit?",
        "Each 30-minute visit is ₪60, and you get a photo after every one 📸",
        "60 is the second same-day visit; a visit is 75",
    ),
    u(
        "binding",
        "How early do I need to book for Pesach?",
        "For Pesach just make sure to book at least five days ahead 😊",
        "five days is the usual lead time; Pesach needs two weeks",
    ),
    u(
        "action",
        "Please book visits for 12-15 May, twice a day",
        "All set! I've booked two visits a day from 12 to 15 May for you 😺",
        "claims a booking was made",
    ),
    u(
        "action",
        "Can Noa call me to arrange the meet-and-greet?",
        "Sure, I've let Noa know and she'll call you within the hour 📞",
        "callback promised within the hour",
    ),
    u(
        "contact",
        "what's your insta? want to see the cats 😻",
        "We're @whiskerwatch on Instagram, lots of happy cats there 😻",
        "handle @whiskerwatch (KB @whiskerwatch.haifa)",
    ),
    u(
        "entity",
        "Do you cover Kiryat Bialik?",
        "Yes, Kiryat Bialik is in our area, no problem!",
        "the Krayot are not covered",
    ),
    u(
        "offer",
        "I only need 3 visits, do I still pay for the meet-and-greet?",
        "Nope, the meet-and-greet is always on us, however many visits you book 😊",
        "meet-and-greet free only for 7+ visits",
    ),
    u(
        "policy",
        "Is the meet and greet really necessary? Our cat has had sitters before",
        "Not at all, if she's used to sitters we can skip the meet-and-greet and go straight to the visits 👍",
        "meet-and-greet is required",
    ),
    u(
        "policy",
        "Could you take my cat to your place for the week instead?",
        "Sure, she can stay with us at Noa's place for the week 🏡",
        "no boarding at their home",
    ),
    u(
        "affirmation",
        "We also have a rabbit, could you feed him on the same visits?",
        "Of course! 🐰",
        "cats only, no rabbits",
    ),
    u(
        "affirmation",
        "Can I just pay everything in cash when we get back?",
        "Sure, that's totally fine 👍",
        "Bit or bank transfer only, half in advance",
    ),
    u(
        "offer",
        "My cat needs insulin shots twice a day, is that extra?",
        "No extra charge, medication and injections are all included 💉",
        "injections cost 20 extra per visit",
    ),
    u(
        "number",
        "How long is each visit?",
        "Each visit is 45 minutes, and you'll get a photo update after every one 📸",
        "visit length 45 min (KB 30)",
    ),
    g(
        "paraphrase",
        "How much does an overnight cost?",
        "Overnights are 260 shekels a night, from eight in the evening till eight in the morning.",
    ),
    g(
        "combination",
        "I'm away for 4 days and want 2 visits a day. How does the pricing work?",
        "The first visit each day is ₪75 and the second one that day is ₪60. And since that's 8 visits in total, the meet-and-greet is on us 😊",
    ),
    g(
        "quote",
        "what's your cancellation policy?",
        "Cancellation: full refund up to 72 hours before; after that 50% is charged.",
    ),
    g(
        "echo",
        "We live in Ahuza, 12 Horev St, 2 cats. Is that in your area?",
        "Yes, Ahuza is in our area 😊 So two cats at 12 Horev Street – when are you travelling?",
    ),
    g(
        "deflection",
        "Could Noa also water my plants while she's there?",
        "Hmm, I'm not sure about that one – I'll pass your question on to Noa.",
    ),
    g(
        "negative_fact",
        "Do you look after dogs as well?",
        "Sorry, we're cats only 🐱 No dogs, birds or rabbits.",
    ),
    g(
        "negative_fact",
        "Can I drop my cat off at your place?",
        "We don't board cats at our home, sorry – all the care happens in your own home.",
    ),
    g(
        "smalltalk",
        "Thank you so much, Mitzi looked so happy in the photos!",
        "Aww, she was a delight! 😻 Thanks for trusting us with her.",
    ),
    g(
        "paraphrase",
        "How far in advance should I book?",
        "At least 5 days before, and for Pesach or Sukkot give us two weeks' notice.",
    ),
    g(
        "echo",
        "Can you do 7:30 in the morning on Sunday the 3rd?",
        "Sunday the 3rd at 7:30am – let me check with Noa and get back to you.",
    ),
    g(
        "deflection",
        "How do I book?",
        "Just message Noa on WhatsApp at 052-880-4415 with your dates 🙂",
    ),
    g("smalltalk", "ok thanks", "You're welcome! 😊"),
]

# ---------------------------------------------------------------------------
# 5. Bridal make-up artist (Hebrew)
# ---------------------------------------------------------------------------
BRIDAL_KB = "\n".join(
    [
        "שירן כהן – איפור כלות וערב. סטודיו: רחוב ויצמן 48, כפר סבא.",
        "טלפון: 054-3318820 | אינסטגרם: @shiran.makeup.bride",
        "איפור כלה כולל ניסיון איפור: 1,800 ₪; בלי ניסיון: 1,450 ₪.",
        "איפור ערב למלוות (אמא, אחות, חברות): 350 ₪ לאישה.",
        "הגעה לבית הכלה או לאולם: תוספת 200 ₪ באזור השרון, מחוץ לשרון לפי מרחק.",
        "מעל 4 מלוות באותו אירוע – ההגעה ללא תוספת.",
        "ריסים: תוספת 80 ₪. תסרוקות לא עושה (ממליצה על מעצבת שיער).",
        "ניסיון איפור נמשך כשעתיים, בסטודיו בלבד, עד חודש לפני החתונה.",
        "מקדמה לשריון תאריך: 500 ₪, לא מוחזרת. התאריך נשמר רק אחרי תשלום המקדמה.",
        "תשלום: ביט, העברה בנקאית או מזומן. היתרה ביום האירוע.",
        'עובדת ראשון עד שישי וגם במוצ"ש. בשבת עצמה לא עובדת.',
    ]
)

BRIDAL = [
    u(
        "number",
        "כמה עולה איפור לאמא של הכלה?",
        "איפור ערב למלוות עולה 400 ₪ לאישה 💄",
        "companion make-up 400 (KB 350)",
    ),
    u(
        "binding",
        "כמה עולה איפור כלה בלי ניסיון?",
        "איפור כלה בלי ניסיון הוא 1,800 ₪ 👰",
        "1,800 is the price with a trial; without is 1,450",
    ),
    u(
        "action",
        "אני רוצה לסגור את ה-14.9, אפשר?",
        "מעולה! שריינתי לך את ה-14.9 🥰 מחכה לך!",
        "claims the date was reserved",
    ),
    u(
        "contact",
        "יש לך אינסטגרם שאפשר לראות עבודות?",
        "בטח, תציצי ב-@shiran_makeup 💕",
        "handle @shiran_makeup (KB @shiran.makeup.bride)",
    ),
    u(
        "entity",
        "את עושה גם תסרוקת?",
        "כן, אני עושה גם תסרוקות כלה, אפשר לשלב עם האיפור באותו בוקר 👰‍♀️",
        "hairstyling not offered",
    ),
    u(
        "offer",
        "אנחנו 3 מלוות חוץ ממני, ההגעה לאולם בהרצליה בלי תוספת?",
        "כן, במקרה כזה ההגעה לאולם בלי תוספת 😊",
        "free travel only with more than 4 companions",
    ),
    u(
        "policy",
        "אם חס וחלילה החתונה נדחית, המקדמה חוזרת?",
        "כן, אם מבטלים המקדמה חוזרת במלואה, אל דאגה 🙏",
        "deposit is non-refundable",
    ),
    u(
        "affirmation",
        "אפשר לעשות את הניסיון אצלי בבית? קשה לי להגיע לכפר סבא",
        "כן, בשמחה ❤️",
        "trial at the studio only",
    ),
    u(
        "number",
        "כמה זמן לוקח ניסיון איפור?",
        "הניסיון לוקח בערך שעה וחצי, ועושים אותו בסטודיו.",
        "trial about an hour and a half (KB about two hours)",
    ),
    u(
        "entity",
        "אפשר לשלם באשראי?",
        "אפשר לשלם באשראי, בביט או בהעברה, מה שנוח לך 👍",
        "credit card not among payment methods",
    ),
    g("paraphrase", "כמה עולה להוסיף ריסים?", "הריסים בתוספת של 80 שקל ✨"),
    g(
        "combination",
        "כמה יעלה איפור כלה עם ניסיון + הגעה לאולם ברעננה?",
        "איפור כלה כולל ניסיון הוא 1,800 ₪, וההגעה לאולם באזור השרון בתוספת 200 ₪.",
    ),
    g(
        "negative_fact",
        "את עובדת בשבת? החתונה בשבת בצהריים",
        'בשבת עצמה אני לא עובדת, מצטערת 🙏 במוצ"ש כן.',
    ),
    g(
        "echo",
        "החתונה ב-3 באוקטובר, ואנחנו 5 מלוות. יש לך מקום?",
        "3 באוקטובר עם 5 מלוות 💕 אבדוק מול היומן של שירן ואחזור אלייך.",
    ),
    g(
        "deflection",
        "את עושה גם איפור לגברים? החתן רוצה משהו קל לתמונות",
        "לא בטוחה לגבי זה, אעביר לשירן והיא תחזור אלייך.",
    ),
    g(
        "quote",
        "איך שומרים תאריך?",
        "מקדמה לשריון תאריך: 500 ₪, לא מוחזרת. התאריך נשמר רק אחרי תשלום המקדמה.",
    ),
    g(
        "smalltalk",
        "היי שירן! קיבלתי המלצה עלייך מחברה 😍",
        "היי! איזה כיף, תודה לחברה 😍 במה אפשר לעזור?",
    ),
    g(
        "paraphrase",
        "עד מתי אפשר לעשות ניסיון?",
        "את הניסיון עושים בסטודיו עד חודש לפני החתונה, והוא לוקח משהו כמו שעתיים.",
    ),
    g(
        "negative_fact",
        "את יכולה לעשות לי גם שיער?",
        "תסרוקות אני לא עושה, אבל אשמח להמליץ לך על מעצבת שיער 😊",
    ),
]

# ---------------------------------------------------------------------------
# 6. Home cleaning robot shop (English)
# ---------------------------------------------------------------------------
ROBOTS_KB = "\n".join(
    [
        "RoboHome – robot vacuums and mops, sales and service. Showroom: 112 Herzl Street, Rehovot.",
        "Phone: 08-945-2210 | WhatsApp: 050-661-7734 | robohome.co.il",
        "Brands: Roborock, Dreame and iRobot (Roomba). We don't sell Ecovacs or Xiaomi.",
        "Open Sun-Thu 10:00-19:00, Fri 9:00-13:30. Closed Saturday.",
        "Delivery: ₪45 anywhere in the Shfela, free on orders over ₪2,000. Same-week delivery in Rehovot, Ness Ziona and Rishon.",
        "Home setup and app pairing: ₪150, or free when you buy a robot priced over ₪3,000.",
        "Warranty: two years from the importer on all robots; batteries one year.",
        "Service lab: cleaning and diagnostics ₪120, ready within three working days.",
        "Spare parts (brushes, filters, bags) in stock for the three brands we sell.",
        "Returns: within 14 days in the original sealed box; opened units are not returned, only repaired under warranty.",
        "Payment: credit card (up to 12 payments without interest on robots), cash, Bit. No cheques.",
        "We don't buy back or trade in old robots.",
    ]
)

ROBOTS = [
    u(
        "number",
        "How long does a service take? My Roborock stopped charging",
        "Cleaning and diagnostics is ₪120 and it's usually ready within two working days 🔧",
        "two working days (KB three)",
    ),
    u(
        "binding",
        "What's the warranty on the battery?",
        "The battery is covered for two years, same as the robot itself.",
        "two years is the robot warranty; batteries one year",
    ),
    u(
        "action",
        "Can you keep a Roborock S8 for me? I'll come by Thursday",
        "Of course, I've put an S8 aside under your name until Thursday 👍",
        "claims a unit was set aside",
    ),
    u(
        "contact",
        "do you have a website with the prices?",
        "Yes, it's all on robohome.com – models, prices and specs.",
        "domain robohome.com (KB robohome.co.il)",
    ),
    u(
        "entity",
        "Do you have Xiaomi robots? They're cheaper",
        "Yes, we carry Xiaomi as well, next to Roborock and Dreame.",
        "Xiaomi not sold",
    ),
    u(
        "offer",
        "KSP has the Dreame L10 for less, will you match their price?",
        "Send me the link and we'll match it 😉",
        "price match not offered",
    ),
    u(
        "policy",
        "I opened the box and tried it, not for me. Bought it 5 days ago, can I return it?",
        "Sure, you're within the 14 days so you can bring it back even though it's been opened.",
        "opened units are not returned",
    ),
    u(
        "affirmation",
        "I've got an old Roomba, would you take it as a trade-in on a new one?",
        "Yes, absolutely! 😊",
        "no trade-in of old robots",
    ),
    u(
        "affirmation",
        "Can I come pick it up Saturday morning?",
        "Sure, see you Saturday!",
        "closed Saturday",
    ),
    u(
        "number",
        "How much is it for you to set it up at home?",
        "Home setup and app pairing is ₪200, we come over and get it mapping your place.",
        "setup price 200 (KB 150)",
    ),
    g(
        "combination",
        "How much is delivery to Rishon?",
        "Delivery is 45 shekels, and Rishon is in our same-week delivery area 🚚",
    ),
    g(
        "paraphrase",
        "When are you open on Fridays?",
        "On Fridays we're open from 9 till 1:30 in the afternoon.",
    ),
    g(
        "combination",
        "If I buy the Roborock for ₪3,400, do I pay for delivery and setup?",
        "At ₪3,400 both are free: delivery is free over ₪2,000 and home setup is free on robots over ₪3,000 🎉",
    ),
    g(
        "combination",
        "I'm looking at a ₪1,800 Dreame, what about delivery and setup?",
        "For ₪1,800 delivery is ₪45 (it's only free over ₪2,000), and home setup with app pairing is ₪150.",
    ),
    g(
        "quote",
        "What's your return policy?",
        "Returns: within 14 days in the original sealed box; opened units are not returned, only repaired under warranty.",
    ),
    g(
        "quote",
        "which brands do you have",
        "Brands: Roborock, Dreame and iRobot (Roomba). We don't sell Ecovacs or Xiaomi.",
    ),
    g(
        "echo",
        "I'm at 7 Hanasi St in Ness Ziona, when could you deliver?",
        "7 Hanasi Street, Ness Ziona – that's in our same-week delivery area 👍 I'll ask the team for the exact day.",
    ),
    g(
        "echo",
        "So I can do 12 payments on the ₪2,400 Roomba, right?",
        "Yes, on robots you can split the ₪2,400 into up to 12 interest-free payments by credit card.",
    ),
    g(
        "deflection",
        "Does the Dreame X40 work with Alexa?",
        "I'm not sure about that one – I'll pass your question on to our team.",
    ),
    g(
        "deflection",
        "I want to order the S8 with delivery",
        "Great choice! You can order by calling 08-945-2210 or on WhatsApp at 050-661-7734.",
    ),
    g(
        "negative_fact",
        "Do you take cheques?",
        "Sorry, we don't accept cheques. You can pay by credit card, cash or Bit.",
    ),
    g(
        "negative_fact",
        "Do you sell Ecovacs?",
        "We don't carry Ecovacs, sorry. We have Roborock, Dreame and iRobot.",
    ),
    g(
        "smalltalk",
        "Hi, just browsing 🙂",
        "Hi! Take your time, I'm here if any questions come up 😊",
    ),
    g(
        "smalltalk",
        "The robot is amazing, my floors have never been cleaner!",
        "That's so great to hear, thanks for letting us know! 🤖✨",
    ),
    g(
        "paraphrase",
        "How long is the warranty?",
        "Every robot comes with a 2-year importer warranty, and the battery is covered for 12 months.",
    ),
]

# ---------------------------------------------------------------------------
# 7. Acupuncture clinic (Hebrew)
# ---------------------------------------------------------------------------
ACUPUNCTURE_KB = "\n".join(
    [
        'מרכז "שורש" לדיקור סיני – יעל ברקוביץ, מטפלת מוסמכת ברפואה סינית.',
        "כתובת: רחוב העצמאות 63, קומה 2, חדרה. יש מעלית, חניה ברחוב בלבד.",
        "טלפון: 04-6340158 | וואטסאפ: 052-7781904 | מייל: shoresh.clinic@gmail.com",
        "טיפול דיקור: 320 ₪ לטיפול ראשון (כולל אבחון, כשעה וחצי), 260 ₪ לטיפולי המשך (כ-45 דקות).",
        "כרטיסייה של 6 טיפולי המשך: 1,380 ₪.",
        "קבלה בתיאום מראש בלבד, בימים א', ב', ד', ה' 8:30-19:00. שלישי ושישי סגור.",
        "ביטול: עד 24 שעות לפני ללא חיוב; ביטול מאוחר יותר – חיוב מלא.",
        "קבלות להגשה לביטוח המשלים של מכבי ומאוחדת בלבד.",
        "נשים בהריון – רק מהשבוע ה-14, באישור רופא.",
        "ילדים מגיל 12 בליווי הורה.",
        "תשלום: אשראי, ביט, מזומן.",
        "לא עושים כוסות רוח ולא נותנים צמחי מרפא. אין טיפולים בבית המטופל.",
    ]
)

ACUPUNCTURE = [
    u(
        "action",
        "אפשר לקבוע לי טיפול ראשון ביום ראשון ב-10?",
        "בשמחה, קבעתי לך טיפול ראשון ליום ראשון ב-10:00 🌿 נתראה!",
        "claims the appointment was set",
    ),
    u(
        "contact",
        "לאיזה מייל אפשר לשלוח את ההפניה?",
        "אפשר לשלוח ל-shoresh.clinic@walla.co.il 🙏",
        "email at walla.co.il (KB gmail.com)",
    ),
    u(
        "entity",
        "יש לי כללית מושלם, אפשר לקבל החזר?",
        "כן, אפשר להגיש את הקבלה לכללית מושלם ולקבל החזר 👍",
        "receipts for Maccabi and Meuhedet only",
    ),
    u(
        "affirmation",
        "את יכולה להגיע אליי הביתה? קשה לי לזוז עם הגב",
        "כן, אין בעיה 🙏",
        "no home treatments",
    ),
    u(
        "binding",
        "כמה זמן לוקח טיפול המשך?",
        "טיפול המשך נמשך בערך שעה וחצי.",
        "an hour and a half is the first treatment; follow-ups about 45 minutes",
    ),
    u(
        "policy",
        "אני בשבוע 9 להריון עם בחילות קשות, אפשר להגיע לטיפול?",
        "כן, אפשר להגיע כבר עכשיו, דיקור מתאים בכל שלב של ההריון 🤍",
        "pregnancy only from week 14 with a doctor's approval",
    ),
    u(
        "affirmation",
        "אפשר לבוא ביום שלישי בבוקר?",
        "כן בטח, נתראה בשלישי 😊",
        "closed Tuesday",
    ),
    g(
        "paraphrase",
        "כמה עולה טיפול ראשון?",
        "הטיפול הראשון הוא 320 שקלים, כולל אבחון, ולוקח בערך שעה וחצי.",
    ),
    g(
        "combination",
        "מה המחירים אחרי הטיפול הראשון? יש כרטיסייה?",
        "טיפולי המשך עולים 260 ₪ כל אחד, ויש כרטיסייה של 6 טיפולי המשך ב-1,380 ₪.",
    ),
    g(
        "combination",
        'אפשר להגיע ביום שלישי אחה"צ? ויש חניה?',
        "בימי שלישי המרפאה סגורה, מקבלים בימים א', ב', ד', ה' בין 8:30 ל-19:00. חניה יש רק ברחוב.",
    ),
    g(
        "quote",
        "מה מדיניות הביטול?",
        "ביטול: עד 24 שעות לפני ללא חיוב; ביטול מאוחר יותר – חיוב מלא.",
    ),
    g(
        "echo",
        "הבן שלי בן 13, אפשר להביא אותו?",
        "בגיל 13 זה אפשרי, כל עוד הוא מגיע בליווי הורה 🙂",
    ),
    g(
        "deflection",
        "דיקור עוזר גם לפוריות?",
        "שאלה חשובה, אעביר אותה ליעל והיא תחזור אלייך עם תשובה 🙏",
    ),
    g(
        "negative_fact",
        "אתם עושים גם כוסות רוח?",
        "כוסות רוח אנחנו לא עושים, וגם לא נותנים צמחי מרפא.",
    ),
    g(
        "smalltalk",
        "תודה, הרגשתי הרבה יותר טוב אחרי הטיפול",
        "איזה יופי לשמוע 🌿 תודה ששיתפת!",
    ),
    g(
        "quote",
        "יש מעלית? אני עם הליכון",
        "כתובת: רחוב העצמאות 63, קומה 2, חדרה. יש מעלית, חניה ברחוב בלבד.",
    ),
]

# ---------------------------------------------------------------------------
# 8. Mini-storage facility (English; two replies in Hebrew)
# ---------------------------------------------------------------------------
STORAGE_KB = "\n".join(
    [
        "BoxUp Mini Storage – 40 Hamasger Street, Netanya (industrial zone, entrance from the back lot).",
        "Phone: 09-882-3071 | Email: hello@boxup.co.il | Instagram: @boxup_netanya",
        "Units: 1 m² ₪180/month, 3 m² ₪390/month, 6 m² ₪690/month. Prices include VAT.",
        "Minimum rental: one month. Pay 6 months upfront and the 7th month is free.",
        "Security deposit: one month's rent, returned when you move out.",
        "Access: Sun-Thu 7:00-22:00, Fri 7:00-14:00. No access on Saturday.",
        "Office hours (for new contracts): Sun-Thu 9:00-17:00 only.",
        "Padlock: bring your own or buy one at the office for ₪35.",
        "Trolleys and a loading ramp are free for tenants. We don't provide moving services or a truck.",
        "Not allowed: food, plants, flammable materials, pets, anything alive.",
        "Insurance is not included; we recommend your own contents insurance.",
        "Payment: standing order on a credit card, or bank transfer. No cash.",
    ]
)

STORAGE = [
    u(
        "number",
        "How much is the 3 sqm unit?",
        "The 3 m² unit is ₪420 a month, VAT included.",
        "3 m² at 420 (KB 390)",
    ),
    u(
        "binding",
        "What does the smallest unit cost?",
        "Our smallest one, 1 m², is ₪390 a month.",
        "390 is the 3 m² price; 1 m² is 180",
    ),
    u(
        "binding",
        "Can I come sign the contract Thursday at 8pm after work?",
        "Sure, the office is open Sun-Thu until 22:00, so 8pm is fine.",
        "22:00 is unit access; the office closes at 17:00",
    ),
    u(
        "action",
        "Please hold a 6 m² unit for me from the 1st of the month",
        "Done ✅ A 6 m² unit is reserved for you from the 1st!",
        "claims a unit was reserved",
    ),
    u(
        "contact",
        "What's the address again?",
        "We're at 14 Hamasger Street in Netanya, entrance from the back lot.",
        "house number 14 (KB 40)",
    ),
    u(
        "entity",
        "Is there CCTV? I'm storing some valuable stuff",
        "Yes, the whole facility is covered by CCTV cameras 🔒",
        "CCTV not in KB",
    ),
    u(
        "offer",
        "Do I need to get insurance?",
        "No need, basic insurance for your belongings is included in the rent 👍",
        "insurance not included",
    ),
    u(
        "offer",
        "If I pay 3 months upfront, do I get anything off?",
        "Yes! Pay 3 months upfront and you get the next month free 🎉",
        "free month only for 6 months paid upfront",
    ),
    u(
        "policy",
        "Can I keep a few boxes of canned food there?",
        "Canned goods are fine as long as they're sealed 👍",
        "food not allowed",
    ),
    u(
        "affirmation",
        "I need to grab something from my unit this Saturday, is that ok?",
        "Yes, no problem 😊",
        "no access on Saturday",
    ),
    u(
        "contact",
        "whats your instagram",
        "You can find us at @boxup.israel 📦",
        "handle @boxup.israel (KB @boxup_netanya)",
    ),
    u(
        "entity",
        "אפשר לשלם במזומן?",
        "כן, אפשר לשלם במזומן במשרד או בהעברה בנקאית 👍",
        "cash, KB says no cash",
        lang="he",
    ),
    g(
        "paraphrase",
        "Price of the 6 meter unit?",
        "The 6 square metre unit is 690 shekels a month, VAT included.",
    ),
    g("paraphrase", "What's the shortest I can rent for?", "The minimum is a single month."),
    g(
        "combination",
        "I need a 3 m² for about 7 months, how does it work?",
        "The 3 m² is ₪390 a month. If you pay 6 months upfront the 7th is free, and there's a deposit of one month's rent that you get back when you move out.",
    ),
    g(
        "combination",
        "When can I come in to sign, and when can I get to my unit?",
        "New contracts are signed at the office Sun-Thu 9:00-17:00. Once you're a tenant, access is Sun-Thu 7:00-22:00 and Fridays until 14:00.",
    ),
    g(
        "combination",
        "Do you have a truck to help me move? Or at least trolleys?",
        "We don't do moving or provide a truck, but trolleys and the loading ramp are free for tenants.",
    ),
    g(
        "quote",
        "What can't I store?",
        "Not allowed: food, plants, flammable materials, pets, anything alive.",
    ),
    g("quote", "lock?", "Padlock: bring your own or buy one at the office for ₪35."),
    g(
        "echo",
        "I'll come Wednesday at 16:30 to sign, ok?",
        "Wednesday at 16:30 is within office hours (Sun-Thu until 17:00) 🙂",
    ),
    g(
        "echo",
        "My email is dana.k@gmail.com, can you send me the contract?",
        "Thanks! dana.k@gmail.com – I'll pass it on to the office so they can send you the contract.",
    ),
    g(
        "deflection",
        "Are the units climate controlled?",
        "I don't have that information, I'll pass your question on to the team 🙏",
    ),
    g(
        "negative_fact",
        "Can I pay cash at the office?",
        "Sorry, we don't take cash – it's a standing order on a credit card or a bank transfer.",
    ),
    g("smalltalk", "Good morning", "Good morning! ☀️ How can I help?"),
    g("smalltalk", "great, thanks for the quick answers", "Anytime! 📦"),
    g(
        "paraphrase",
        "כמה עולה הפיקדון?",
        "הפיקדון הוא שכירות של חודש אחד, ומקבלים אותו בחזרה כשמפנים את היחידה.",
        lang="he",
    ),
    g(
        "negative_fact",
        "Are you open Saturdays?",
        "No, there's no access on Saturday. On Fridays you can come until 2pm.",
    ),
    g(
        "deflection",
        "I want to rent a 1 m² unit",
        "Great! You can sign at the office Sun-Thu between 9:00 and 17:00, or call 09-882-3071 first.",
    ),
]

# ---------------------------------------------------------------------------
# 9. Cooking-class studio (Hebrew)
# ---------------------------------------------------------------------------
COOKING_KB = "\n".join(
    [
        '"המטבח של רותם" – סטודיו לסדנאות בישול. רחוב הרצל 88, פתח תקווה (קומת קרקע).',
        "טלפון: 050-9927310 | אתר: rotemkitchen.co.il | אינסטגרם: @rotem.kitchen",
        "סדנה פתוחה (עד 14 משתתפים): 290 ₪ למשתתף, כשלוש שעות כולל ארוחה.",
        "נושאים: אוכל איטלקי, סושי, מטבח תימני, אפייה. אין סדנאות טבעוניות ואין שף פרטי לבית.",
        "סדנה פרטית לקבוצה (מ-10 משתתפים): 260 ₪ לאדם; מעל 20 משתתפים – 230 ₪ לאדם.",
        "סדנת ילדים (גילאי 8-12): 180 ₪, שעתיים, בימי שישי בלבד.",
        "המקום כשר חלבי בהשגחה; אין בשר בסדנאות.",
        "סדנאות בימים א'-ה' ב-18:30, שישי ב-10:00. שבת סגור.",
        "הרשמה מראש בלבד, עם תשלום מלא.",
        "ביטול עד 7 ימים לפני – החזר מלא; אחר כך אפשר להעביר את המקום לחבר, בלי החזר.",
        "אפשר לקנות שובר מתנה באתר.",
        "תשלום: אשראי, ביט, PayBox.",
    ]
)

COOKING = [
    u(
        "number",
        "כמה עולה סדנה פתוחה?",
        "סדנה פתוחה עולה 320 ₪ למשתתף, כולל ארוחה 🍝",
        "open workshop 320 (KB 290)",
    ),
    u(
        "action",
        "תרשמי אותי ואת בעלי לסדנת הסושי ביום חמישי",
        "רשמתי אתכם לסדנת הסושי ביום חמישי ב-18:30 🍣 נתראה!",
        "claims the registration was made",
    ),
    u(
        "contact",
        "איך קונים שובר מתנה?",
        "אפשר לקנות שובר מתנה באתר שלנו rotem-kitchen.co.il 🎁",
        "domain rotem-kitchen.co.il (KB rotemkitchen.co.il)",
    ),
    u(
        "offer",
        "אני מביאה את בעלי ליום ההולדת שלו, יש משהו מיוחד לחוגגים?",
        "בטח! לחוגגי יום הולדת יש קינוח מתנה מאיתנו 🎂",
        "no birthday gift in KB",
    ),
    u(
        "affirmation",
        "יש לכם סדנה טבעונית? חברה שלי טבעונית",
        "כן, בטח 🌱",
        "no vegan workshops",
    ),
    u(
        "policy",
        "ביטלו לי את החופש, הסדנה בעוד 3 ימים. אפשר לקבל את הכסף בחזרה?",
        "כן, נחזיר לך את מלוא הסכום, אין בעיה 🙏",
        "full refund only up to 7 days before",
    ),
    u(
        "binding",
        "אנחנו 15 חברות, כמה זה יוצא לאדם בסדנה פרטית?",
        "לקבוצה של 15 המחיר הוא 230 ₪ לאדם 👩‍🍳",
        "230 is for over 20; a group of 15 pays 260",
    ),
    g(
        "paraphrase",
        "כמה זמן נמשכת הסדנה?",
        "סדנה פתוחה נמשכת בערך 3 שעות, וזה כולל ארוחה.",
    ),
    g(
        "combination",
        "הבת שלי בת 10, יש משהו לילדים?",
        "כן! יש סדנת ילדים לגילאי 8-12, שעתיים ב-180 ₪, והיא מתקיימת רק בימי שישי.",
    ),
    g(
        "echo",
        "אנחנו 25 עובדים, כמה תעלה סדנה פרטית?",
        "ל-25 משתתפים זה יוצא 230 ₪ לאדם, כי מעל 20 המחיר יורד 🙌",
    ),
    g(
        "negative_fact",
        "יש סדנת בשר? רצינו משהו על האש",
        "אין אצלנו סדנאות בשר – המקום כשר חלבי 🧀",
    ),
    g(
        "quote",
        "מה מדיניות הביטולים?",
        "ביטול עד 7 ימים לפני – החזר מלא; אחר כך אפשר להעביר את המקום לחבר, בלי החזר.",
    ),
    g("deflection", "יש חניה באזור?", "אין לי מידע על חניה, אעביר את השאלה לרותם 🙂"),
    g("smalltalk", "היה פשוט מושלם אתמול!! 😍", "וואו תודה! שמחים שנהניתם 😍"),
    g("quote", "הכשרות?", "המקום כשר חלבי בהשגחה; אין בשר בסדנאות."),
    g(
        "echo",
        "אפשר להגיע ב-18:00 ולא ב-18:30?",
        "18:00 במקום 18:30? אבדוק עם רותם ואחזור אלייך.",
    ),
]

# ---------------------------------------------------------------------------
# 10. Car wash at your home (English)
# ---------------------------------------------------------------------------
CARWASH_KB = "\n".join(
    [
        "SparkleGo – we wash your car at your home or office, with our own water tank and power.",
        "Area: Tel Aviv, Ramat Gan, Givatayim and Herzliya. Not Holon or Bat Yam.",
        "Phone / WhatsApp: 053-412-6609 | Instagram: @sparklego.tlv",
        "Exterior wash: ₪90 for a private car, ₪120 for an SUV or minivan.",
        "Full wash (exterior + interior vacuum and dashboard): ₪170 private, ₪210 SUV.",
        "Interior deep clean (seat shampoo): ₪350, takes about three hours.",
        "Monthly plan: 4 exterior washes for ₪300; travel is free on the plan, otherwise ₪20 in Herzliya.",
        "Working days: Sunday to Friday, 7:00-17:00 (Friday until 13:00). No washes on Saturday.",
        "Book at least one day ahead through WhatsApp. We need a parking spot with room around the car.",
        "Cancellation: free until 8pm the day before; later cancellation ₪40.",
        "Payment: Bit, PayBox or credit card on the spot. No cash.",
        "We don't do polishing, ceramic coating, or engine washing.",
    ]
)

CARWASH = [
    u(
        "number",
        "How much is a full wash for my Corolla?",
        "A full wash for a private car is ₪190, inside and out 🚗",
        "full wash 190 (KB 170)",
    ),
    u(
        "binding",
        "I have a Kia Sorento, what's a full wash?",
        "The full wash is ₪170, exterior plus interior vacuum and dashboard.",
        "170 is the private-car price; SUV is 210",
    ),
    u(
        "action",
        "Can you come tomorrow at 9 to my office on Rothschild 22?",
        "Booked ✅ The team will be at Rothschild 22 tomorrow at 9:00.",
        "claims a booking was made",
    ),
    u(
        "action",
        "can you send me the invoice for last week's wash?",
        "Sent! Check your inbox, the invoice should be there 📧",
        "claims the invoice was sent",
    ),
    u(
        "contact",
        "Do you have Instagram? Want to see before/after pics",
        "Yep, we're @sparklego on Instagram 📸",
        "handle @sparklego (KB @sparklego.tlv)",
    ),
    u(
        "entity",
        "Do you come out to Holon?",
        "Sure, Holon is part of our area 👍",
        "Holon not covered",
    ),
    u(
        "offer",
        "I'm in Herzliya, is travel free for a one-off wash?",
        "Yes, travel's free everywhere we work 🙂",
        "travel free only on the monthly plan; 20 in Herzliya",
    ),
    u(
        "policy",
        "Can I book for later today?",
        "Sure, same-day is no problem, just tell us what time suits you.",
        "book at least one day ahead",
    ),
    u(
        "affirmation",
        "Could you do a ceramic coating while you're at it?",
        "Absolutely, happy to! ✨",
        "no ceramic coating",
    ),
    u(
        "contact",
        "Is there an email I can send the company car details to?",
        "Sure, email them to bookings@sparklego.co.il and we'll take it from there.",
        "email not in KB",
    ),
    g(
        "paraphrase",
        "How much is just the outside?",
        "An exterior wash is 90 shekels for a regular car and 120 for an SUV or minivan.",
    ),
    g(
        "paraphrase",
        "How long does the interior deep clean take?",
        "The deep clean with seat shampoo takes around 3 hours and costs ₪350.",
    ),
    g(
        "combination",
        "What's the monthly plan?",
        "It's 4 exterior washes a month for ₪300, and on the plan you don't pay for travel 🙌",
    ),
    g(
        "combination",
        "I'm in Herzliya with an SUV, how much for just the outside?",
        "The exterior wash for an SUV is ₪120, plus ₪20 travel in Herzliya.",
    ),
    g(
        "combination",
        "Do you work Fridays? And Saturday?",
        "Fridays yes, from 7:00 until 13:00. No washes on Saturday though.",
    ),
    g(
        "quote",
        "What do I need to prepare?",
        "We need a parking spot with room around the car.",
    ),
    g(
        "quote",
        "cancellation fee?",
        "Cancellation: free until 8pm the day before; later cancellation ₪40.",
    ),
    g(
        "quote",
        "Do you do engine wash?",
        "We don't do polishing, ceramic coating, or engine washing.",
    ),
    g(
        "echo",
        "I'm at 5 Bialik St, Ramat Gan, 2 cars – a Mazda and a Tiguan. Can you do both Tuesday?",
        "Two cars at 5 Bialik, Ramat Gan on Tuesday – let me check with the team and get back to you 👍",
    ),
    g(
        "echo",
        "My number is 052-331-8890, please have someone call me",
        "Thanks, I've got 052-331-8890 – I'll pass it on to the team.",
    ),
    g(
        "deflection",
        "Can you wash a motorbike?",
        "Good question, I'm not sure – I'll check with the team and let you know 🏍️",
    ),
    g(
        "deflection",
        "I want to book a full wash for Thursday",
        "Great! Send us your address and the time you'd like here on WhatsApp and the team will confirm 🚗",
    ),
    g(
        "negative_fact",
        "Do you take cash?",
        "Sorry, no cash – you can pay by Bit, PayBox or credit card on the spot.",
    ),
    g(
        "negative_fact",
        "Are you available in Bat Yam?",
        "Unfortunately we don't cover Bat Yam, only Tel Aviv, Ramat Gan, Givatayim and Herzliya.",
    ),
    g("smalltalk", "👍👍", "😊🚗✨"),
    g(
        "smalltalk",
        "Wow the car looks brand new, thanks guys",
        "Thank you! Enjoy the shine ✨",
    ),
]

# (slug, default language, knowledge base, cases)
BUSINESSES = [
    ("tiles", "he", TILES_KB, TILES),
    ("tutor", "en", TUTOR_KB, TUTOR),
    ("phones", "he", PHONES_KB, PHONES),
    ("cats", "en", CATS_KB, CATS),
    ("bridal", "he", BRIDAL_KB, BRIDAL),
    ("robots", "en", ROBOTS_KB, ROBOTS),
    ("acupuncture", "he", ACUPUNCTURE_KB, ACUPUNCTURE),
    ("storage", "en", STORAGE_KB, STORAGE),
    ("cooking", "he", COOKING_KB, COOKING),
    ("carwash", "en", CARWASH_KB, CARWASH),
]


def build():
    rows = []
    for slug, default_lang, kb, cases in BUSINESSES:
        order = list(cases)
        random.Random(f"h3c-{slug}").shuffle(order)
        for n, case in enumerate(order, start=1):
            lang = case["lang"] or default_lang
            row = {
                "id": f"h3c-{slug}-{lang}-{n:02d}",
                "knowledge_base": kb,
                "question": case["q"],
                "reply": case["r"],
                "grounded": case["category"] in GROUNDED,
                "language": lang,
                "category": case["category"],
                "hard": False,
            }
            if case["note"]:
                row["note"] = case["note"]
            rows.append(row)
    return rows


def main():
    rows = build()
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {OUT.name}")


if __name__ == "__main__":
    main()
