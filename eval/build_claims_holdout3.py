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

# (slug, default language, knowledge base, cases)
BUSINESSES = [
    ("tiles", "he", TILES_KB, TILES),
    ("tutor", "en", TUTOR_KB, TUTOR),
    ("phones", "he", PHONES_KB, PHONES),
    ("cats", "en", CATS_KB, CATS),
    ("bridal", "he", BRIDAL_KB, BRIDAL),
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
