#!/usr/bin/env python3
"""Build eval/claims.jsonl: the development set for grounding claims without numbers (issue 10).

Plain Python, no project imports. Run `python3 eval/build_claims.py` to rewrite the .jsonl.

Each case is (business, category, question, reply, note[, hard]). The language is the reply's
(Hebrew letters in the reply -> "he"). grounded follows from the category. Ungrounded cases carry
a `note` saying in a few words what the reply claims without support. Ids are
cl-<business>-<lang>-<nn>, numbered per business and language in list order, so new cases are
appended at the end of CASES to keep old ids stable.
"""

import json
import os
import re

UNGROUNDED = ["number", "binding", "action", "contact", "entity", "offer", "policy", "affirmation"]
GROUNDED = [
    "paraphrase",
    "combination",
    "quote",
    "echo",
    "deflection",
    "negative_fact",
    "smalltalk",
]

KB = {}

# English: hair salon (brands, by appointment only, no pets, keratin line next to cancellation line)
KB["salon"] = """Silk & Scissors Hair Studio - 41 Allenby St, Tel Aviv (2nd floor).
Phone / WhatsApp: 052-614-3390. Instagram: @silkandscissors.tlv
Hours: Sun-Thu 10:00-20:00, Fri 9:00-14:00, closed Saturday.
By appointment only. No pets.
Women's cut & blow-dry: ₪260 (about 1 hour)
Men's cut: ₪110 (40 minutes)
Root colour: ₪320, about 1.5 hours
Keratin straightening: from ₪900, about 3 hours
Cancellation: at least 24 hours' notice, otherwise 50% of the price is charged.
We use Olaplex and Kérastase products only.
Payment: cash, credit card or Bit.
We don't do hair extensions or eyelash services."""

# Hebrew: dental clinic, Clalit only, "שעה ועשרים דקות"
KB[
    "dental"
] = """מרפאת שיניים "חיוך בריא" - ד"ר רונית שגיא, רחוב סוקולוב 58, חולון (קומה 1, יש מעלית).
טלפון: 03-5507719. מייל: clinic@healthysmile-holon.co.il
שעות: א'-ה' 8:00-19:00, ו' 8:00-13:00, שבת סגור.
אנחנו עובדים עם כללית בלבד (כללית מושלם). אין הסדר עם מכבי, מאוחדת או לאומית.
בדיקה וצילום: ₪150
ניקוי אבנית: ₪220 (כחצי שעה)
טיפול שורש: מ-₪1,800, כשעה ועשרים דקות
כתר חרסינה: ₪2,900
הלבנה: ₪1,400
ביטול תור: לפחות 24 שעות מראש, אחרת חיוב של ₪100.
תשלום: מזומן, אשראי (עד 6 תשלומים) או ביט.
אין במרפאה שתלים ויישור שיניים - מפנים לרופאים אחרים.
טיפול בילדים מגיל 6."""

# Hebrew: pizzeria delivering to named neighbourhoods, free-delivery threshold
KB["pizza"] = """פיצה בית הכרם - רחוב החלוץ 27, ירושלים. כשר בהשגחת הרבנות.
טלפון להזמנות: 02-6431188
שעות: א'-ה' 12:00-23:00, ו' 11:00-15:00, מוצאי שבת 20:00-01:00.
משלוחים לבית הכרם, קריית יובל, רמת שרת ובית וגן בלבד.
דמי משלוח: ₪15. משלוח חינם בהזמנה מעל ₪150.
זמן משלוח: 40-50 דקות.
פיצה משפחתית (8 משולשים): ₪62
פיצה אישית: ₪38
תוספת: ₪8 למשפחתית, ₪4 לאישית
מגש פוקאצ'ות: ₪29
שתייה 1.5 ליטר: ₪12
אין בצק ללא גלוטן ואין גבינה טבעונית.
תשלום: מזומן, אשראי או ביט (לשליח רק מזומן או ביט).
איסוף עצמי: 10% הנחה."""

# English: plumber, Haifa area only
KB["plumber"] = """Carmel Plumbing - Dudi Azoulay, licensed plumber.
Serving Haifa, Nesher, Tirat Carmel and the Krayot only.
Phone: 054-662-7310. E-mail: dudi@carmelplumbing.co.il
Hours: Sun-Thu 7:30-19:00, Fri 7:30-12:00. No work on Saturday.
Call-out fee: ₪250 (Sun-Fri daytime), ₪400 after 19:00.
Emergency call-outs until 22:00, Sun-Thu, at the evening rate.
Leak detection with a thermal camera: ₪650.
Water heater replacement: from ₪1,900 including installation.
Blocked drain: ₪350-500.
6-month warranty on all work.
Payment: cash, Bit or bank transfer. No credit cards.
We don't do gas work or install air conditioners."""

# English: yoga studio, booking in the app required, no cash
KB["yoga"] = """Tree Pose Yoga - 19 Bialik St, Ramat Gan (1st floor, no elevator).
Phone: 03-677-2041. Instagram: @treepose.yoga. Website: treeposeyoga.co.il
Classes: Vinyasa and Hatha 60 minutes, Yin 75 minutes, Prenatal yoga 60 minutes (Tuesdays 18:00).
Schedule: Sun-Thu 7:00-21:00, Fri 8:00-12:00, no classes on Saturday.
Drop-in class: ₪70
10-class card: ₪590, valid 4 months
Unlimited monthly: ₪420
First trial class: ₪35
Booking in the app is required; each class is capped at 14 people.
Cancel at least 4 hours before class, or it counts as used.
Mats and blocks provided. No showers on site.
Payment: credit card or Bit. We don't take cash.
We don't offer hot yoga or private lessons."""

# Hebrew: nail studio, appointments only, deposit in Bit
KB["nails"] = """סטודיו ליה לציפורניים - רחוב סמילנסקי 12, נתניה.
טלפון / וואטסאפ: 052-774-1903. אינסטגרם: @lia.nails.netanya
שעות: א'-ה' 9:00-20:00, ו' 9:00-14:00, שבת סגור.
לפי תור בלבד.
לק ג'ל: ₪120 (כשעה)
בניית ציפורניים בג'ל: ₪230 (שעה וחצי)
מילוי: ₪170
פדיקור רפואי: ₪160
הסרת ג'ל: ₪40
לקביעת תור נדרשת מקדמה של ₪50 בביט. ביטול פחות מ-24 שעות לפני - המקדמה לא מוחזרת.
תשלום: מזומן או ביט בלבד.
אין אקריל ואין ריסים.
משתמשות בלקים של OPI ו-Gelish."""

# English: car garage
KB["garage"] = """Ben-Ami Motors - licensed garage, 31 HaPlada St, Holon.
Phone: 03-559-8842. E-mail: office@benami-motors.co.il
Hours: Sun-Thu 7:30-17:00, Fri 7:30-12:00, closed Saturday.
By appointment. Cars must be dropped off by 8:30.
Annual test preparation: ₪350
Oil and filter change: from ₪290
Brake pads: ₪450 per axle
Computer diagnostics: ₪180 (deducted from the bill if we do the repair)
12-month warranty on parts we fit.
Payment: cash, credit card (up to 3 instalments) or bank transfer.
We don't do bodywork or paint, and we don't service electric cars.
No replacement cars; the 89 bus stops right outside."""

# Hebrew: flower shop, delivery areas and fees, free delivery threshold
KB["flowers"] = """פרחי שושנה - רחוב אחד העם 63, פתח תקווה.
טלפון: 03-930-1256. אתר: www.shoshana-flowers.co.il
שעות: א'-ה' 8:00-20:00, ו' 7:00-15:00, שבת סגור.
זרים: מ-₪120
זר כלה: מ-₪450
עציץ סחלב: ₪140
משלוח בפתח תקווה: ₪30. לגבעת שמואל ולקריית אונו: ₪45.
משלוח חינם בפתח תקווה בהזמנה מעל ₪300.
משלוחים לשישי - בהזמנה עד יום חמישי ב-18:00.
אין משלוחים מחוץ לפתח תקווה, גבעת שמואל וקריית אונו.
תשלום: אשראי, ביט או מזומן.
אין לנו בלונים ואין שוקולדים."""

# English: private tutor
KB["tutor"] = """Noam Friedman - private maths and physics tutor, grades 7-12 and bagrut prep.
Lessons at my home (12 HaPalmach St, Jerusalem) or online on Zoom.
Phone: 050-441-8265. E-mail: noam.tutor@gmail.com
Available Sun-Thu 15:00-21:00. No lessons on Fridays or Saturdays.
60-minute lesson: ₪180
90-minute lesson: ₪260
Package of 10 60-minute lessons: ₪1,650
Home visits in Rehavia, Katamon and Baka only, ₪40 extra per lesson.
Cancel at least 12 hours before, otherwise the lesson is charged.
Payment: Bit, PayBox or bank transfer.
I don't teach university courses, chemistry or English."""

# Hebrew: cleaning company, three cities only, "שלוש שעות וחצי"
KB["clean"] = """ברק שירותי ניקיון - ניקיון בתים ומשרדים בראשון לציון, נס ציונה ורחובות בלבד.
טלפון: 08-946-7320. מייל: office@barak-clean.co.il
שעות עבודה: א'-ה' 7:00-17:00, ו' 7:00-12:00. לא עובדים בשבת.
ניקיון בית קבוע: ₪60 לשעה, מינימום 3 שעות.
ניקיון דירת 4 חדרים לוקח בערך שלוש שעות וחצי.
ניקיון אחרי שיפוץ: מ-₪900.
ניקוי חלונות: ₪25 לחלון.
חומרי הניקיון והציוד עלינו.
ניקיון אחרי שיפוץ דורש מקדמה של ₪200.
ביטול עד 48 שעות מראש ללא חיוב.
תשלום: העברה בנקאית, ביט או מזומן.
לא מנקים שטיחים וספות ולא עושים חיטוי."""

# English: photography studio (walk-in only for passport photos, deposit for the rest)
KB["photo"] = """Frame & Light Studio - Maya Katz Photography, 88 Rager Blvd, Beersheba.
Phone: 08-623-4510. Instagram: @frameandlight.studio. Website: frameandlight.co.il
Hours: Sun-Thu 9:00-18:00, Fri 9:00-13:00, closed Saturday.
Family studio session (1 hour): ₪850, includes 20 edited photos
Newborn session (up to 3 hours): ₪1,100
Extra edited photo: ₪35
Passport and visa photos: ₪45, walk-in, no appointment needed.
All other sessions by appointment, with a 30% deposit.
The deposit is refunded if you cancel at least 7 days before.
Edited photos are delivered within 14 days in an online gallery.
Payment: credit card, bank transfer or Bit.
We don't shoot weddings and we don't do video."""

# Hebrew: veterinary clinic, dogs and cats only, "שעה ועשרים דקות"
KB["vet"] = """מרפאה וטרינרית "ארבע כפות" - ד"ר עמית גל, רחוב הרב קוק 17, הרצליה.
טלפון: 09-951-2274
שעות: א'-ה' 9:00-13:00 ו-16:00-20:00, ו' 9:00-13:00, שבת סגור.
בתיאום מראש, חוץ ממקרים דחופים בשעות הפעילות.
בדיקה: ₪220
חיסון משושה לכלב: ₪180
חיסון כלבת: ₪120
שבב: ₪150
עיקור חתולה: ₪650, הניתוח נמשך כשעה ועשרים דקות. צום של 12 שעות לפני.
סירוס כלב: מ-₪900
מטפלים בכלבים ובחתולים בלבד (לא בציפורים, זוחלים או מכרסמים).
אין שירות חירום בלילה - פנו לבית החולים הווטרינרי.
תשלום: מזומן, אשראי או ביט."""


CASES = [
    # ---------------- number: an invented price, hour, duration, percentage ----------------
    (
        "salon",
        "number",
        "How much is a men's cut?\nand how long does it take",
        "A men's cut is ₪110 and takes about 25 minutes ✂️",
        "duration 25 minutes; KB says 40",
    ),
    (
        "salon",
        "number",
        "Are you open late on Thursdays?",
        "Yes, on Thursdays we're open until 21:00 🙂",
        "closing at 21:00; KB says 20:00",
    ),
    (
        "plumber",
        "number",
        "how much to unblock a kitchen drain?",
        "A blocked drain is usually ₪300-450, depending on how bad it is.",
        "range ₪300-450; KB says ₪350-500",
    ),
    (
        "yoga",
        "number",
        "how long are the yin classes?",
        "Yin classes are 90 minutes, nice and slow 🧘",
        "Yin 90 minutes; KB says 75",
    ),
    (
        "garage",
        "number",
        "What's the price for an oil change?",
        "An oil and filter change is ₪240 for most cars.",
        "₪240; KB says from ₪290",
    ),
    (
        "tutor",
        "number",
        "Is there a discount if I take 10 lessons?",
        "Yes, the 10-lesson package saves you about 20% compared with single lessons.",
        "20% saving invented",
    ),
    (
        "photo",
        "number",
        "When will I get the photos?",
        "You'll get your edited photos within 10 days in an online gallery 📸",
        "10 days; KB says 14",
    ),
    (
        "photo",
        "number",
        "how much is an extra edited photo beyond the 20?",
        "Each extra edited photo is ₪50.",
        "₪50; KB says ₪35",
    ),
    (
        "plumber",
        "number",
        "Until what time can you come for an emergency?",
        "Emergency call-outs are available until midnight, Sunday to Thursday.",
        "until midnight; KB says 22:00",
    ),
    (
        "garage",
        "number",
        "How long does the test prep take? I need the car back for work",
        "Test prep usually takes around 2 hours, and it's ₪350.",
        "2 hours not in KB",
    ),
    ("dental", "number", "כמה עולה הלבנה?", "הלבנה אצלנו עולה ₪1,200 😁", "₪1,200; KB says ₪1,400"),
    (
        "pizza",
        "number",
        "תוך כמה זמן מגיע משלוח לקריית יובל?",
        "משלוח לקריית יובל מגיע בדרך כלל תוך 30 דקות 🍕",
        "30 minutes; KB says 40-50",
    ),
    (
        "nails",
        "number",
        "כמה זמן לוקח פדיקור?",
        "פדיקור רפואי לוקח בערך 45 דקות ועולה ₪160.",
        "45 minutes not in KB",
    ),
    (
        "flowers",
        "number",
        "עד מתי אתם פתוחים בשישי?",
        "בימי שישי אנחנו פתוחים עד 14:00 🌷",
        "Friday until 14:00; KB says 15:00",
    ),
    (
        "clean",
        "number",
        "כמה עולה ניקוי חלונות?",
        "ניקוי חלונות עולה ₪35 לחלון.",
        "₪35 per window; KB says ₪25",
    ),
    (
        "vet",
        "number",
        "כמה עולה סירוס לכלב?",
        "סירוס כלב עולה בין ₪750 ל-₪900, תלוי במשקל.",
        "range from ₪750; KB says from ₪900",
    ),
    (
        "vet",
        "number",
        "כמה שעות צום לפני עיקור?",
        "צריך צום של 8 שעות לפני הניתוח.",
        "8 hours fasting; KB says 12",
    ),
    # ---------------- binding: a KB number on the wrong service, day, fee or condition ----------------
    (
        "salon",
        "binding",
        "how long does root colour take?",
        "Root colour takes about 3 hours.",
        "3 hours is keratin's duration",
    ),
    (
        "salon",
        "binding",
        "how much for keratin?",
        "Keratin straightening is ₪320 and takes about 3 hours.",
        "₪320 is the root colour price",
    ),
    (
        "plumber",
        "binding",
        "what's the call-out fee on a Friday morning?",
        "On Friday mornings the call-out fee is ₪400.",
        "₪400 is the after-19:00 fee",
    ),
    (
        "plumber",
        "binding",
        "how much is leak detection?",
        "Leak detection with the thermal camera is ₪250.",
        "₪250 is the call-out fee",
    ),
    (
        "yoga",
        "binding",
        "how much is a single class?",
        "A single drop-in class is ₪35.",
        "₪35 is the first trial class",
    ),
    (
        "yoga",
        "binding",
        "How much is the class card and how long is it good for?",
        "The 10-class card is ₪420 and lasts 4 months.",
        "₪420 is the unlimited monthly",
    ),
    (
        "garage",
        "binding",
        "How much are brake pads? I need both front and back",
        "Brake pads are ₪450 for both axles.",
        "₪450 is per axle, not both",
    ),
    (
        "garage",
        "binding",
        "by when do I need to bring the car in?",
        "Please drop the car off by 7:30.",
        "7:30 is opening; drop-off by 8:30",
    ),
    (
        "tutor",
        "binding",
        "how much is a 90 minute lesson?",
        "A 90-minute lesson is ₪180.",
        "₪180 is the 60-minute lesson",
    ),
    (
        "photo",
        "binding",
        "How long is the newborn session?",
        "A newborn session is about 1 hour.",
        "1 hour is the family session",
    ),
    (
        "dental",
        "binding",
        "כמה עולה ניקוי אבנית?",
        "ניקוי אבנית עולה ₪150 ולוקח כחצי שעה.",
        "₪150 is the check-up price",
    ),
    (
        "pizza",
        "binding",
        "כמה עולה תוספת על פיצה אישית?",
        "תוספת על פיצה אישית עולה ₪8.",
        "₪8 is the family-pizza topping",
    ),
    (
        "pizza",
        "binding",
        "עד איזה שעה אתם פתוחים בשישי?",
        "בשישי אנחנו פתוחים עד 23:00.",
        "23:00 is weekday closing; Friday until 15:00",
    ),
    (
        "nails",
        "binding",
        "כמה עולה מילוי?",
        "מילוי עולה ₪230 וזה לוקח שעה וחצי.",
        "₪230 and 1.5 hours belong to gel building",
    ),
    (
        "flowers",
        "binding",
        "כמה משלוח לקריית אונו?",
        "משלוח לקריית אונו עולה ₪30 🚚",
        "₪30 is the Petah Tikva fee",
    ),
    (
        "clean",
        "binding",
        "כמה המקדמה לניקיון רגיל?",
        "לניקיון בית קבוע צריך מקדמה של ₪200.",
        "₪200 deposit is for post-renovation cleaning",
    ),
    (
        "vet",
        "binding",
        "כמה זמן לוקח סירוס לכלב?",
        "סירוס כלב לוקח כשעה ועשרים דקות.",
        "1h20 is the cat spay duration",
    ),
    # ---------------- action: first-person claims of something done or arranged ----------------
    (
        "salon",
        "action",
        "Can I come Tuesday at 10:00 for a cut?",
        "Done ✅ I'm putting you down for Tuesday at 10:00, see you then!",
        "claims to have booked",
    ),
    (
        "yoga",
        "action",
        "please save me a spot in thursday's 18:00 vinyasa",
        "You're in! I've saved you a spot in Thursday's 18:00 Vinyasa 🧘‍♀️",
        "claims to have reserved a spot",
    ),
    (
        "plumber",
        "action",
        "My water heater is leaking, can someone come today?",
        "I've passed this on to Dudi, he'll call you within the hour.",
        "passed on with a promised time",
    ),
    (
        "garage",
        "action",
        "Can you send me the quote by email?",
        "I've just emailed the quote to you, check your inbox 📧",
        "claims to have sent an e-mail",
    ),
    (
        "tutor",
        "action",
        "I need to cancel tomorrow's lesson, sorry",
        "No problem, I've cancelled tomorrow's lesson and noted it in the calendar.",
        "claims to have cancelled and noted",
    ),
    (
        "photo",
        "action",
        "I'd like to book a family session on the 12th",
        "Great, your family session on the 12th is confirmed! Booking details are on their way.",
        "claims booking confirmed",
    ),
    (
        "photo",
        "action",
        "my friend said you gave her a discount, can you apply it to mine too?",
        "I've applied the discount to your booking 😊",
        "claims to have applied a discount",
    ),
    (
        "salon",
        "action",
        "Please let Dana know I'll be 15 min late",
        "I've let Dana know you'll be 15 minutes late, no worries!",
        "claims to have told the staff",
    ),
    (
        "garage",
        "action",
        "Is my car ready? plate 12-345-67",
        "I checked with the workshop: your car is ready for pickup 🚗",
        "claims to have checked; invents car status",
    ),
    (
        "yoga",
        "action",
        "Can you refund my last class? I was sick",
        "I've refunded the class to your card, it should show in a few days.",
        "claims a refund was made",
    ),
    (
        "nails",
        "action",
        "אפשר תור ליום שלישי ב-10:00?",
        "רשמתי אותך ליום שלישי ב-10:00 ✅",
        "claims to have booked",
    ),
    (
        "dental",
        "action",
        "אני צריכה לבטל את התור של מחר",
        "ביטלתי לך את התור של מחר, תודה שעדכנת 🙏",
        "claims to have cancelled",
    ),
    (
        "pizza",
        "action",
        "אפשר להזמין 2 משפחתיות עם זיתים לרחוב הפסגה 10?",
        "ההזמנה התקבלה! 2 משפחתיות עם זיתים בדרך אליך 🍕",
        "claims order placed and on its way",
    ),
    (
        "flowers",
        "action",
        "אני רוצה זר לשישי לקריית אונו",
        "סגרנו! הזר ייצא אלייך ביום שישי בבוקר 💐",
        "claims the order is arranged",
    ),
    (
        "clean",
        "action",
        "תחזרו אליי לגבי הצעת מחיר לניקיון אחרי שיפוץ?",
        "העברתי את הפרטים שלך, יחזרו אלייך תוך שעתיים.",
        "passed on with a promised time",
    ),
    (
        "vet",
        "action",
        "אפשר לקבוע חיסון לכלב למחר בבוקר?",
        "קבעתי לכם תור למחר בבוקר לחיסון 🐶",
        "claims to have booked",
    ),
    (
        "vet",
        "action",
        "שלחתי לכם את תיק החיסונים, תוכלו לעדכן את השבב?",
        "עדכנתי את פרטי השבב במערכת, הכל מסודר ✔️",
        "claims to have updated records",
    ),
    # ---------------- contact: address, e-mail, URL, handle, phone, code, booking number ----------------
    (
        "salon",
        "contact",
        "What's your address?",
        "We're at 14 Allenby St., 2nd floor 😊",
        "house number 14; KB says 41",
    ),
    (
        "salon",
        "contact",
        "do you have instagram?",
        "Yes! Follow us at @silkscissors_tlv for our latest work 💇‍♀️",
        "Instagram handle not the KB's",
    ),
    (
        "plumber",
        "contact",
        "can I send you photos of the leak by email?",
        "Sure, send them to info@carmelplumbing.co.il and Dudi will take a look.",
        "e-mail not the KB's",
    ),
    (
        "yoga",
        "contact",
        "where can I see the schedule?",
        "The full schedule is on treeposeyoga.com/schedule 🙏",
        "domain .com; KB says .co.il",
    ),
    (
        "garage",
        "contact",
        "Do you have a discount code for first-time customers?",
        "Use code BENAMI10 when you book for 10% off your first service 🚗",
        "promo code invented",
    ),
    (
        "tutor",
        "contact",
        "whats your email? I'll send the syllabus",
        "You can send it to noam.friedman@gmail.com 📚",
        "e-mail not the KB's",
    ),
    (
        "photo",
        "contact",
        "any promo for a first session?",
        "Use code WELCOME15 when booking for 15% off your first session 😊",
        "promo code invented",
    ),
    (
        "photo",
        "contact",
        "Where are you located exactly?",
        "We're at 8 Rager Blvd in Beersheba 📍",
        "house number 8; KB says 88",
    ),
    (
        "garage",
        "contact",
        "whats your whatsapp number?",
        "You can WhatsApp us on 054-559-8842 👍",
        "phone not in KB (KB: 03-559-8842)",
    ),
    (
        "yoga",
        "contact",
        "I booked the trial class, what's my booking number?",
        "Your booking number is TP-20417, show it at reception 😊",
        "booking number invented",
    ),
    (
        "dental",
        "contact",
        "מה הכתובת?",
        "אנחנו ברחוב סוקולוב 85, חולון, קומה 1 🦷",
        "house number 85; KB says 58",
    ),
    (
        "dental",
        "contact",
        "לאיזה מייל לשלוח את ההפניה?",
        "אפשר לשלוח ל-info@healthysmile.co.il",
        "e-mail not the KB's",
    ),
    (
        "pizza",
        "contact",
        "יש קוד קופון?",
        "כן! קוד הקופון PIZZA20 נותן הנחה על ההזמנה 🍕",
        "coupon code invented",
    ),
    (
        "nails",
        "contact",
        "מה האינסטגרם שלכן?",
        "אנחנו באינסטגרם: @lia_nails 💅",
        "Instagram handle not the KB's",
    ),
    (
        "flowers",
        "contact",
        "יש לכם אתר להזמנות?",
        "כן, אפשר להזמין באתר www.shoshana.co.il 🌸",
        "website not the KB's",
    ),
    (
        "clean",
        "contact",
        "לאן לשלוח את התמונות של הדירה?",
        "שלחי לוואטסאפ שלנו 052-946-7320 ונחזור אלייך עם הצעה.",
        "WhatsApp number not in KB",
    ),
    ("vet", "contact", "יש לכם מייל?", "כן, vet@arbakapot.co.il 🐾", "KB has no e-mail"),
    # ---------------- paraphrase (grounded) ----------------
    (
        "salon",
        "paraphrase",
        "how much is a men's cut",
        "A men's cut is 110 shekels and takes about forty minutes ✂️",
        "",
    ),
    (
        "salon",
        "paraphrase",
        "hours?",
        "We're open Sunday to Thursday 10am-8pm and Fridays 9am-2pm 😊",
        "",
    ),
    (
        "plumber",
        "paraphrase",
        "how much if you come at 8pm?",
        "After 7pm the call-out fee is NIS 400.",
        "",
    ),
    (
        "plumber",
        "paraphrase",
        "is there a warranty?",
        "Yes, all our work comes with a six-month warranty.",
        "",
    ),
    ("yoga", "paraphrase", "how long is yin?", "Yin is an hour and a quarter 🧘", ""),
    ("yoga", "paraphrase", "single class price?", "A drop-in class is seventy shekels.", ""),
    (
        "garage",
        "paraphrase",
        "how much for diagnostics?",
        "Computer diagnostics cost ₪180, and if we end up doing the repair, that amount comes off the bill.",
        "",
    ),
    (
        "tutor",
        "paraphrase",
        "what does a lesson cost?",
        "An hour-long lesson is 180 NIS, and an hour and a half is 260 NIS.",
        "",
    ),
    (
        "photo",
        "paraphrase",
        "when do I get the photos",
        "You'll get the edited photos within two weeks, in an online gallery 📸",
        "",
    ),
    (
        "photo",
        "paraphrase",
        "how much for passport photos and do I need to book?",
        "Passport photos are 45 shekels and you can just walk in, no appointment needed.",
        "",
    ),
    (
        "dental",
        "paraphrase",
        "כמה זמן לוקח טיפול שורש?",
        'טיפול שורש לוקח בערך שעה ועשרים דקות, והמחיר מתחיל ב-1,800 ש"ח.',
        "",
    ),
    (
        "pizza",
        "paraphrase",
        "מתי המשלוח חינם?",
        'המשלוח חינם כשההזמנה מעל 150 שקל, אחרת הוא עולה 15 ש"ח 🍕',
        "",
    ),
    (
        "nails",
        "paraphrase",
        "כמה זמן לוקחת בנייה?",
        "בנייה בג'ל לוקחת כשעה וחצי ועולה 230 שקלים.",
        "",
    ),
    (
        "flowers",
        "paraphrase",
        "עד מתי להזמין משלוח לשישי?",
        "כדי לקבל משלוח בשישי צריך להזמין עד חמישי בשש בערב 💐",
        "",
    ),
    (
        "clean",
        "paraphrase",
        "כמה זמן לוקח לנקות דירת 4 חדרים?",
        "דירת 4 חדרים לוקחת בערך 3.5 שעות.",
        "",
    ),
    (
        "vet",
        "paraphrase",
        "כמה זמן הניתוח של עיקור חתולה?",
        "הניתוח לוקח בערך שעה ועשרים, וצריך צום של 12 שעות לפני 🐱",
        "",
    ),
    (
        "vet",
        "paraphrase",
        "מתי אתם פתוחים ביום שלישי?",
        "ביום שלישי אנחנו פתוחים בבוקר מ-9 עד 13 ואחר הצהריים מ-16 עד 20.",
        "",
    ),
    # ---------------- combination (grounded) ----------------
    (
        "salon",
        "combination",
        "Keratin price? and how much notice do I need to cancel",
        "Keratin straightening starts from ₪900 and takes about 3 hours. If you need to cancel, please give at least 24 hours' notice, otherwise 50% is charged.",
        "",
    ),
    (
        "salon",
        "combination",
        "Where are you and can I pay with Bit?",
        "We're at 41 Allenby St, 2nd floor, and yes, Bit is fine, as are cash and card 😊",
        "",
    ),
    (
        "plumber",
        "combination",
        "I'm in Nesher, kitchen drain blocked. How much and can I pay with bit?",
        "Yes, Nesher is in our area. A blocked drain is ₪350-500, and you can pay with Bit, cash or bank transfer.",
        "",
    ),
    (
        "yoga",
        "combination",
        "I'm pregnant, do you have classes for me? how much?",
        "Yes, prenatal yoga runs on Tuesdays at 18:00 for 60 minutes. A drop-in class is ₪70, or ₪35 if it's your first trial class.",
        "",
    ),
    (
        "yoga",
        "combination",
        "do I need to bring a mat? and is there a shower?",
        "Mats and blocks are provided, but there are no showers on site, so come ready 🙂",
        "",
    ),
    (
        "garage",
        "combination",
        "brake pads price + warranty?",
        "Brake pads are ₪450 per axle, and parts we fit come with a 12-month warranty.",
        "",
    ),
    (
        "tutor",
        "combination",
        "Can you come to us in Katamon? how much for an hour?",
        "Yes, I do home visits in Katamon. A 60-minute lesson is ₪180, plus ₪40 for the home visit.",
        "",
    ),
    (
        "photo",
        "combination",
        "how do I book a newborn session and how much is it?",
        "A newborn session is ₪1,100 and lasts up to 3 hours. To book we take a 30% deposit, refunded if you cancel at least 7 days before.",
        "",
    ),
    (
        "photo",
        "combination",
        "Family session price, how many photos do we get?",
        "A one-hour family studio session is ₪850 and includes 20 edited photos; each extra edited photo is ₪35.",
        "",
    ),
    (
        "garage",
        "combination",
        "What time do you open, and till when do I have to bring the car?",
        "We open at 7:30 Sunday to Thursday, and cars need to be dropped off by 8:30.",
        "",
    ),
    (
        "dental",
        "combination",
        "אני בכללית, כמה עולה בדיקה ואפשר בתשלומים?",
        "כן, אנחנו עובדים עם כללית 🙂 בדיקה וצילום עולים ₪150, ואפשר לשלם באשראי עד 6 תשלומים.",
        "",
    ),
    (
        "pizza",
        "combination",
        "2 משפחתיות לבית וגן, כמה משלוח ותוך כמה זמן?",
        "לבית וגן אנחנו מגיעים 👍 דמי המשלוח ₪15 (חינם מעל ₪150), וזמן המשלוח 40-50 דקות.",
        "",
    ),
    (
        "nails",
        "combination",
        "כמה לק ג'ל ואיך קובעים?",
        "לק ג'ל עולה ₪120 ולוקח כשעה. כדי לקבוע תור צריך מקדמה של ₪50 בביט 💅",
        "",
    ),
    (
        "flowers",
        "combination",
        "זר לגבעת שמואל, כמה יוצא?",
        "זרים מתחילים מ-₪120, והמשלוח לגבעת שמואל עולה ₪45 🌷",
        "",
    ),
    (
        "clean",
        "combination",
        "ניקיון אחרי שיפוץ - כמה עולה ומה צריך?",
        "ניקיון אחרי שיפוץ מתחיל מ-₪900, ולהזמנה צריך מקדמה של ₪200. את החומרים והציוד אנחנו מביאים.",
        "",
    ),
    (
        "vet",
        "combination",
        "צריך לחסן את הכלב ולשים לו שבב",
        "חיסון משושה עולה ₪180 ושבב ₪150. כדאי לתאם מראש בטלפון 09-951-2274 🐶",
        "",
    ),
    (
        "clean",
        "combination",
        "אני ברחובות, אפשר ניקיון קבוע?",
        "כן, רחובות באזור שלנו. ניקיון בית קבוע עולה ₪60 לשעה, עם מינימום של 3 שעות.",
        "",
    ),
    # ---------------- quote (grounded): KB lines word for word ----------------
    (
        "salon",
        "quote",
        "keratin?",
        "Sure! Keratin straightening: from ₪900, about 3 hours Cancellation: at least 24 hours' notice, otherwise 50% of the price is charged.",
        "",
    ),
    (
        "salon",
        "quote",
        "what products do you use?",
        "We use Olaplex and Kérastase products only 💛",
        "",
    ),
    (
        "plumber",
        "quote",
        "how can I pay?",
        "Payment: cash, Bit or bank transfer. No credit cards.",
        "",
    ),
    (
        "plumber",
        "quote",
        "Which areas do you cover?",
        "Serving Haifa, Nesher, Tirat Carmel and the Krayot only.",
        "",
    ),
    (
        "yoga",
        "quote",
        "do I need to book?",
        "Booking in the app is required; each class is capped at 14 people.",
        "",
    ),
    (
        "yoga",
        "quote",
        "what's the cancellation policy?",
        "Cancel at least 4 hours before class, or it counts as used 🙏",
        "",
    ),
    (
        "garage",
        "quote",
        "do you charge for diagnostics?",
        "Computer diagnostics: ₪180 (deducted from the bill if we do the repair)",
        "",
    ),
    (
        "tutor",
        "quote",
        "do you come to the house?",
        "Home visits in Rehavia, Katamon and Baka only, ₪40 extra per lesson.",
        "",
    ),
    (
        "photo",
        "quote",
        "is the deposit refundable?",
        "All other sessions by appointment, with a 30% deposit. The deposit is refunded if you cancel at least 7 days before.",
        "",
    ),
    (
        "tutor",
        "quote",
        "what if we need to cancel?",
        "Cancel at least 12 hours before, otherwise the lesson is charged.",
        "",
    ),
    (
        "dental",
        "quote",
        "עם איזה קופות אתם עובדים?",
        "אנחנו עובדים עם כללית בלבד (כללית מושלם). אין הסדר עם מכבי, מאוחדת או לאומית.",
        "",
    ),
    ("pizza", "quote", "כמה המשלוח?", "דמי משלוח: ₪15. משלוח חינם בהזמנה מעל ₪150 🍕", ""),
    (
        "nails",
        "quote",
        "צריך מקדמה?",
        "לקביעת תור נדרשת מקדמה של ₪50 בביט. ביטול פחות מ-24 שעות לפני - המקדמה לא מוחזרת.",
        "",
    ),
    ("flowers", "quote", "אפשר משלוח לשישי?", "משלוחים לשישי - בהזמנה עד יום חמישי ב-18:00", ""),
    ("clean", "quote", "מה מדיניות הביטול?", "ביטול עד 48 שעות מראש ללא חיוב 👍", ""),
    (
        "vet",
        "quote",
        "כמה עולה עיקור לחתולה?",
        "עיקור חתולה: ₪650, הניתוח נמשך כשעה ועשרים דקות. צום של 12 שעות לפני.",
        "",
    ),
    (
        "vet",
        "quote",
        "מה שעות הפתיחה?",
        "שעות: א'-ה' 9:00-13:00 ו-16:00-20:00, ו' 9:00-13:00, שבת סגור",
        "",
    ),
    # ---------------- echo (grounded): the customer's own details quoted back ----------------
    (
        "salon",
        "echo",
        "Can I come Tuesday at 10:00?",
        "Tuesday at 10:00 you said? Let me check with the team and get back to you 😊",
        "",
    ),
    (
        "salon",
        "echo",
        "I'll be 15 minutes late, sorry!",
        "Thanks for letting us know! 15 minutes late, I'll pass that on to the team.",
        "",
    ),
    (
        "plumber",
        "echo",
        "I'm at 22 Herzl St, apartment 5, Kiryat Bialik",
        "22 Herzl St, apartment 5, Kiryat Bialik, is that right? And what's the problem exactly?",
        "",
    ),
    (
        "yoga",
        "echo",
        "I want to come Thursday at 18:00 with my friend",
        "Thursday at 18:00 for two, got it. You'll both need to book your spots in the app 🙏",
        "",
    ),
    (
        "garage",
        "echo",
        "It's a 2016 Mazda 3, plate 45-678-90, making a noise at 80 km/h",
        "A 2016 Mazda 3 with a noise at 80 km/h, got it. Computer diagnostics are ₪180 and are deducted from the bill if we do the repair.",
        "",
    ),
    (
        "tutor",
        "echo",
        "My son is in 11th grade, 5 units maths, exam on June 14",
        "11th grade, 5 units, exam on June 14, that's exactly what I do. Would you like to start with a 60-minute lesson?",
        "",
    ),
    (
        "photo",
        "echo",
        "We're 6 people, can we do the family session on the 21st at 10:00?",
        "The 21st at 10:00 for 6 people, lovely! Let me check that slot with Maya and come back to you.",
        "",
    ),
    (
        "garage",
        "echo",
        "can I bring it in on Monday at 8:15?",
        "Monday at 8:15? That's before the 8:30 drop-off deadline, so just make sure it's booked 👍",
        "",
    ),
    (
        "plumber",
        "echo",
        "My number is 052-333-4411, call me after 5",
        "Got it: 052-333-4411, after 5pm. I'll pass it on to Dudi.",
        "",
    ),
    (
        "photo",
        "echo",
        "Order #4471, when will the gallery be ready? shoot was on May 2",
        "For order #4471, shot on May 2: edited photos are delivered within 14 days, in an online gallery.",
        "",
    ),
    (
        "nails",
        "echo",
        "אפשר תור ליום שלישי ב-10:00?",
        "יום שלישי ב-10:00? אבדוק עם ליה ואחזור אלייך 💅",
        "",
    ),
    (
        "dental",
        "echo",
        "קבעתי תור ל-12/6 ב-15:30, רציתי לוודא",
        "התור שלך ב-12/6 ב-15:30? אעביר לצוות לבדוק ויחזרו אלייך.",
        "",
    ),
    (
        "pizza",
        "echo",
        "אני ברחוב הפסגה 10, דירה 3, בית וגן",
        "רחוב הפסגה 10, דירה 3 בבית וגן - מגיעים לשם 👍 מה תרצה להזמין?",
        "",
    ),
    (
        "flowers",
        "echo",
        'אני רוצה זר ב-200 ש"ח לשישי',
        'זר ב-200 ש"ח לשישי - מעולה 🌸 רק צריך להזמין עד חמישי ב-18:00.',
        "",
    ),
    (
        "clean",
        "echo",
        "הדירה 5 חדרים, קומה 3, רחוב הרצל 40 ראשון",
        "5 חדרים ברחוב הרצל 40, ראשון לציון - הבנתי. אעביר לצוות כדי שיחזרו אלייך עם הערכה.",
        "",
    ),
    (
        "vet",
        "echo",
        'החתולה שלי בת 7 חודשים, שוקלת 3 ק"ג. כמה עולה עיקור?',
        'בת 7 חודשים ו-3 ק"ג, תודה על הפרטים. עיקור חתולה עולה ₪650.',
        "",
    ),
    (
        "vet",
        "echo",
        "אפשר להגיע ב-16:30 ביום רביעי?",
        "רביעי ב-16:30? אני אבדוק ואחזור אליכם 🐾",
        "",
    ),
    # ---------------- entity: payment, insurer, brand, area, language, amenity, service ----------------
    (
        "salon",
        "entity",
        "Can I pay with Apple Pay?",
        "You can pay with Apple Pay or by bank transfer.",
        "Apple Pay / bank transfer not in KB",
    ),
    (
        "salon",
        "entity",
        "Which products do you use for colour?",
        "We use L'Oréal and Olaplex products 💛",
        "brand L'Oréal not in KB",
    ),
    (
        "plumber",
        "entity",
        "Do you cover Yokneam?",
        "Yes, we cover Yokneam too 👍",
        "Yokneam not in the areas served",
    ),
    (
        "plumber",
        "entity",
        "do you also fix gas water heaters?",
        "Yes, we handle gas water heaters as well.",
        "gas work named as not offered",
    ),
    (
        "yoga",
        "entity",
        "Is there parking nearby?",
        "Yes, we have a parking lot behind the building 🚗",
        "parking not in KB",
    ),
    (
        "yoga",
        "entity",
        "Do you have pilates too?",
        "We do! Pilates mat classes run on Mondays and Wednesdays.",
        "pilates not in KB",
    ),
    (
        "garage",
        "entity",
        "Do you work on Teslas?",
        "Sure, we service electric cars including Teslas ⚡",
        "electric cars named as not serviced",
    ),
    (
        "tutor",
        "entity",
        "do you do chemistry too? my son needs help",
        "Yes, I teach chemistry too, up to bagrut level.",
        "chemistry named as not taught",
    ),
    (
        "photo",
        "entity",
        "Do you speak Russian? My mum will come with us",
        "Yes, Maya speaks Russian, so your mum will feel right at home 😊",
        "language Russian not in KB",
    ),
    (
        "photo",
        "entity",
        "Do you do video as well?",
        "We do short video clips too, great for birthdays 🎥",
        "video named as not offered",
    ),
    (
        "dental",
        "entity",
        "אני במכבי, אתם עובדים איתם?",
        "אנחנו עובדים גם עם מכבי 👍",
        "Maccabi; KB names Clalit only",
    ),
    (
        "dental",
        "entity",
        "עושים אצלכם שתלים?",
        'כן, ד"ר שגיא מבצעת שתלים במרפאה.',
        "implants named as not offered",
    ),
    (
        "pizza",
        "entity",
        "יש לכם פיצה ללא גלוטן?",
        "בטח, יש לנו גם בצק ללא גלוטן 😊",
        "gluten-free named as not offered",
    ),
    (
        "nails",
        "entity",
        "אפשר לשלם באשראי?",
        "כן, אפשר לשלם באשראי 💳",
        "credit card; KB says cash or Bit only",
    ),
    (
        "flowers",
        "entity",
        "אפשר להוסיף בלונים לזר?",
        "כן, אפשר להוסיף בלון הליום לכל זר 🎈",
        "balloons named as not offered",
    ),
    (
        "clean",
        "entity",
        "אתם מגיעים גם לחולון?",
        "כן, אנחנו מגיעים גם לחולון ובת ים.",
        "Holon / Bat Yam not in areas served",
    ),
    (
        "vet",
        "entity",
        "יש לי ארנב, אתם מטפלים?",
        "כן, מטפלים גם בארנבים 🐰",
        "rabbits; KB dogs and cats only",
    ),
    # ---------------- offer: free, on the house, waived, price match, money back ----------------
    (
        "plumber",
        "offer",
        "Someone else quoted me 1,500 for a new water heater",
        "We'll beat any quote you get 💪",
        "price match not offered",
    ),
    (
        "salon",
        "offer",
        "first time coming, is there any treat for new clients?",
        "For first-time clients the Olaplex treatment is on the house 😊",
        "free Olaplex treatment not offered",
    ),
    (
        "yoga",
        "offer",
        "I bought a 10-class card but I'm moving abroad. Can I get my money back?",
        "No problem, your money will be back in your account tomorrow.",
        "refund promise not in KB",
    ),
    (
        "yoga",
        "offer",
        "Is the trial class free?",
        "Yes, your first trial class is completely free 🧘",
        "trial is ₪35, not free",
    ),
    (
        "garage",
        "offer",
        "anything included with the annual test prep?",
        "We'll give you a free car wash with every test prep 🚿",
        "free car wash not offered",
    ),
    (
        "tutor",
        "offer",
        "Is the first lesson free? just to see if it fits",
        "Sure, the first lesson is on me, no charge 😊",
        "free first lesson not offered",
    ),
    (
        "photo",
        "offer",
        "What if we don't like the photos?",
        "If you're not happy with the photos, you get your money back, guaranteed.",
        "money-back guarantee not offered",
    ),
    (
        "photo",
        "offer",
        "Can we get all the raw photos too?",
        "Yes, all the unedited photos are included at no extra cost 📸",
        "raw photos included free not in KB",
    ),
    (
        "plumber",
        "offer",
        "Will you still charge the call-out fee if you end up replacing the heater?",
        "No, the call-out fee is waived if we do the replacement.",
        "waived call-out fee not in KB",
    ),
    (
        "garage",
        "offer",
        "the brake pads you fitted wore out after 14 months",
        "No worries, we'll replace them free of charge.",
        "free replacement beyond the 12-month warranty",
    ),
    (
        "pizza",
        "offer",
        'ההזמנה שלי יוצאת 120 ש"ח, המשלוח חינם?',
        "כן, המשלוח עלינו הפעם 😉",
        "free delivery below the ₪150 threshold",
    ),
    (
        "dental",
        "offer",
        "הבדיקה הראשונה בחינם?",
        "כן, בדיקה ראשונה אצלנו ללא תשלום 😊",
        "free first check-up; KB says ₪150",
    ),
    (
        "nails",
        "offer",
        "זו הפעם השלישית שלי אצלך, מגיע לי משהו? 😄",
        "בטח! הסרת הג'ל עליי הפעם 💅",
        "free gel removal not offered",
    ),
    (
        "flowers",
        "offer",
        "הזר הגיע קצת נבול 😕",
        "מצטערים מאוד! נשלח לך זר חדש בלי עלות, כמובן.",
        "free replacement bouquet not offered",
    ),
    (
        "clean",
        "offer",
        "ומה אם לא אהיה מרוצה מהניקיון?",
        "אם לא תהיי מרוצה, נחזיר לך את הכסף במלואו.",
        "money-back guarantee not offered",
    ),
    (
        "vet",
        "offer",
        "כמה עולה בדיקה לגור שאימצתי הרגע?",
        "לגורים מאומצים הבדיקה הראשונה עלינו 🐾",
        "free check-up for adopted pups not offered",
    ),
    (
        "clean",
        "offer",
        "אם אזמין גם ניקוי חלונות, יש הנחה?",
        "כן, אם מזמינים ניקוי חלונות יחד עם ניקיון קבוע, החלונות בחינם.",
        "free windows not offered",
    ),
    # ---------------- policy: the opposite of a KB policy ----------------
    (
        "salon",
        "policy",
        "Can I bring my cat? She hates being alone",
        "Sure, bring your cat along! 🐱",
        "KB says no pets",
    ),
    (
        "salon",
        "policy",
        "Do I need to book or can I just come by?",
        "You don't need to book, just drop in whenever.",
        "KB says by appointment only",
    ),
    (
        "plumber",
        "policy",
        "I'm in Tel Aviv, can you come?",
        "We cover the whole country, so Tel Aviv is no problem 👍",
        "KB says Haifa area only",
    ),
    (
        "plumber",
        "policy",
        "Can you come Saturday morning? it's urgent",
        "Yes, for emergencies we also come out on Saturdays.",
        "KB says no work on Saturday",
    ),
    (
        "yoga",
        "policy",
        "do I have to book in the app or can I just show up?",
        "Just show up a few minutes before class, no booking needed 🙂",
        "KB says booking in the app is required",
    ),
    (
        "yoga",
        "policy",
        "I'm cancelling an hour before, does it still count?",
        "No worries, you can cancel any time before class and it won't count.",
        "KB: cancel at least 4 hours before",
    ),
    (
        "garage",
        "policy",
        "Can I drop off the car at noon?",
        "Sure, you can drop the car off any time during the day.",
        "KB: drop off by 8:30",
    ),
    (
        "tutor",
        "policy",
        "Can we do a lesson Friday morning?",
        "Friday mornings work well for me, let's do it.",
        "KB: no lessons on Fridays",
    ),
    (
        "photo",
        "policy",
        "Do I need to pay a deposit to book a family session?",
        "No deposit needed, you just pay on the day of the session.",
        "KB: 30% deposit",
    ),
    (
        "photo",
        "policy",
        "Can I just walk in for a family shoot?",
        "Yes, walk-ins are welcome for all our sessions 😊",
        "KB: walk-in for passport photos only",
    ),
    (
        "nails",
        "policy",
        "צריך לקבוע תור או אפשר לקפוץ?",
        "אין צורך בתור, אפשר פשוט לקפוץ 😊",
        "KB: by appointment only",
    ),
    (
        "nails",
        "policy",
        "צריך לשלם מקדמה?",
        "לא צריך מקדמה, משלמים רק בסוף הטיפול.",
        "KB: ₪50 deposit required",
    ),
    (
        "pizza",
        "policy",
        "אתם מגיעים לגילה?",
        "אנחנו שולחים לכל ירושלים, כולל גילה 🛵",
        "KB: four neighbourhoods only",
    ),
    (
        "flowers",
        "policy",
        "אפשר לקבל משלוח בשבת בבוקר?",
        "כן, יש משלוחים גם בשבת בבוקר 🌹",
        "KB: closed Saturday",
    ),
    (
        "clean",
        "policy",
        "אפשר שתבואו בשבת?",
        "כן, אפשר לתאם גם ניקיון בשבת 👍",
        "KB: no work on Saturday",
    ),
    (
        "vet",
        "policy",
        "אפשר להגיע בלי תור לחיסון?",
        "כן, לחיסונים אין צורך בתור, פשוט תגיעו.",
        "KB: by appointment except urgent cases",
    ),
    (
        "dental",
        "policy",
        "אני יכולה לבטל שעתיים לפני?",
        "כן, אפשר לבטל גם ברגע האחרון בלי חיוב 🙂",
        "KB: 24 hours or ₪100 charge",
    ),
    # ---------------- affirmation: a bare yes to an unsupported request ----------------
    (
        "salon",
        "affirmation",
        "promise me a 20% discount if I bring a friend?",
        "Sure!",
        "agrees to a 20% discount",
    ),
    ("salon", "affirmation", "can I come on Saturday at 10:00?", "Sure!", "agrees to a closed day"),
    (
        "salon",
        "affirmation",
        "Could you also do my eyelash extensions while I'm there?",
        "Of course 😊",
        "agrees to a service not offered",
    ),
    (
        "plumber",
        "affirmation",
        "Can I pay by credit card?",
        "Yes, absolutely 👍",
        "agrees to credit card; KB says no",
    ),
    (
        "yoga",
        "affirmation",
        "Can you book me into tomorrow's 7:00 class?",
        "Absolutely, see you then! 🙏",
        "agrees to make a booking",
    ),
    (
        "yoga",
        "affirmation",
        "Can I pay cash at the door?",
        "Sure, no problem!",
        "agrees to cash; KB says no cash",
    ),
    (
        "garage",
        "affirmation",
        "Can you give me a replacement car for the day?",
        "Yes, of course 🚗",
        "agrees to a replacement car; KB says none",
    ),
    (
        "tutor",
        "affirmation",
        "Can you help my daughter with her first-year university calculus course?",
        "Sure, happy to!",
        "agrees to university course; KB says not taught",
    ),
    (
        "photo",
        "affirmation",
        "Could you shoot our wedding in June?",
        "Absolutely, we'd love to! 💍",
        "agrees to a wedding; KB says none",
    ),
    (
        "garage",
        "affirmation",
        "Last year you quoted me 10% less, can you keep that price?",
        "Sure, deal 👍",
        "agrees to a discount",
    ),
    (
        "dental",
        "affirmation",
        "אפשר לקבל 15% הנחה על ההלבנה?",
        "כן, בטח 😊",
        "agrees to a 15% discount",
    ),
    ("dental", "affirmation", "אפשר לבוא בשבת בבוקר?", "כן, בשמחה!", "agrees to a closed day"),
    ("pizza", "affirmation", "תשלחו לי לתל אביב?", "בטח 🛵", "agrees to delivery outside the area"),
    (
        "nails",
        "affirmation",
        "תוכלי לעשות לי אקריל?",
        "כן, בטח 💅",
        "agrees to acrylic; KB says none",
    ),
    (
        "flowers",
        "affirmation",
        "אפשר להוסיף לזר קופסת שוקולד?",
        "בטח, בשמחה 🍫",
        "agrees to chocolates; KB says none",
    ),
    (
        "clean",
        "affirmation",
        "תוכלו לנקות גם את הספה?",
        "כן, אין בעיה 👍",
        "agrees to sofa cleaning; KB says none",
    ),
    (
        "vet",
        "affirmation",
        "תשמרו לי תור להיום ב-17:00?",
        "בטח, מחכים לכם 🐾",
        "agrees to make a booking",
    ),
    # ---------------- deflection (grounded) ----------------
    (
        "salon",
        "deflection",
        "do you do bridal hair?",
        "I don't have that information, I'll pass your question to the team 😊",
        "",
    ),
    (
        "salon",
        "deflection",
        "Can you book me for Thursday 6pm?",
        "I can't book appointments from here, but you can call or WhatsApp us on 052-614-3390 to set it up.",
        "",
    ),
    (
        "plumber",
        "deflection",
        "How much to replace a toilet?",
        "I don't have a price for that, I'll ask Dudi to get back to you. You can also call him on 054-662-7310.",
        "",
    ),
    (
        "yoga",
        "deflection",
        "Is there a teacher who speaks French?",
        "Good question! I'm not sure, let me check with the team and get back to you.",
        "",
    ),
    (
        "garage",
        "deflection",
        "can you fix the AC in my car?",
        "I'm not sure we handle car AC, I'll check with the workshop. You can also e-mail office@benami-motors.co.il.",
        "",
    ),
    (
        "tutor",
        "deflection",
        "Do you do group lessons for 3 kids?",
        "I'll check with Noam and let you know. You can also reach him directly at noam.tutor@gmail.com.",
        "",
    ),
    (
        "photo",
        "deflection",
        "Can you shoot at our home?",
        "I'm not sure about home sessions. Which date did you have in mind? I'll pass it on to Maya.",
        "",
    ),
    (
        "photo",
        "deflection",
        "book me for Sunday please",
        "To book, please call us on 08-623-4510 or message us on Instagram @frameandlight.studio 📸",
        "",
    ),
    (
        "plumber",
        "deflection",
        "can someone come today??",
        "Could you confirm your address and what the problem is? Then I'll pass it on to Dudi.",
        "",
    ),
    (
        "garage",
        "deflection",
        "how long does test prep take?",
        "I don't have an exact time for that. Would you like me to pass the question on to the team?",
        "",
    ),
    (
        "dental",
        "deflection",
        "יש לכם רופא שמדבר רוסית?",
        "אין לי מידע על זה, אעביר את השאלה לצוות 🙏",
        "",
    ),
    (
        "pizza",
        "deflection",
        "אפשר לעשות הזמנה לאירוע של 50 איש?",
        "שאלה טובה! אעביר לבעלים, ובינתיים אפשר גם להתקשר ל-02-6431188.",
        "",
    ),
    (
        "nails",
        "deflection",
        "תקבעי לי לחמישי?",
        "אני לא יכולה לקבוע תורים מכאן, אבל אפשר לקבוע בוואטסאפ 052-774-1903 💅",
        "",
    ),
    (
        "flowers",
        "deflection",
        "אפשר זר בהתאמה אישית לבר מצווה?",
        "אבדוק עם שושנה ואחזור אלייך. מה התאריך ואיזה צבעים רצית?",
        "",
    ),
    (
        "clean",
        "deflection",
        'כמה עולה ניקיון משרד של 100 מ"ר?',
        "אין לי מחיר מדויק לזה, אעביר את הפרטים לצוות. אפשר גם להתקשר ל-08-946-7320.",
        "",
    ),
    (
        "vet",
        "deflection",
        "הכלב שלי הקיא בלילה, מה לעשות?",
        "אני לא יכולה לייעץ רפואית כאן. אם זה דחוף בלילה, כדאי לפנות לבית החולים הווטרינרי, ובשעות הפעילות אפשר להתקשר אלינו ל-09-951-2274.",
        "",
    ),
    (
        "dental",
        "deflection",
        "תוכלו לשלוח לי את הצילום?",
        "אעביר את הבקשה לצוות. תוכלי לאשר לאיזה מייל לשלוח?",
        "",
    ),
    # ---------------- negative_fact (grounded) ----------------
    (
        "salon",
        "negative_fact",
        "Can I bring my dog?",
        "Sorry, we don't allow pets at the studio 🐾",
        "",
    ),
    (
        "salon",
        "negative_fact",
        "are you open saturday?",
        "We're closed on Saturdays, but on Friday we're open 9:00-14:00 😊",
        "",
    ),
    (
        "salon",
        "negative_fact",
        "Do you do extensions?",
        "Unfortunately we don't do hair extensions or eyelash services.",
        "",
    ),
    (
        "plumber",
        "negative_fact",
        "Can I pay by card?",
        "Sorry, we don't take credit cards; cash, Bit or bank transfer are fine.",
        "",
    ),
    (
        "plumber",
        "negative_fact",
        "I'm in Hadera, can you come?",
        "Sorry, we only cover Haifa, Nesher, Tirat Carmel and the Krayot, so Hadera is outside our area.",
        "",
    ),
    (
        "yoga",
        "negative_fact",
        "hot yoga?",
        "We don't offer hot yoga, sorry! We have Vinyasa, Hatha, Yin and prenatal classes.",
        "",
    ),
    (
        "yoga",
        "negative_fact",
        "can I pay cash?",
        "No, sorry, we don't take cash. Credit card or Bit only.",
        "",
    ),
    (
        "garage",
        "negative_fact",
        "Do you do paint jobs? my bumper is scratched",
        "Sorry, we don't do bodywork or paint.",
        "",
    ),
    (
        "tutor",
        "negative_fact",
        "english lessons too?",
        "I'm afraid I don't teach English, only maths and physics.",
        "",
    ),
    (
        "photo",
        "negative_fact",
        "do you film weddings?",
        "We don't shoot weddings or do video, sorry 🙏",
        "",
    ),
    (
        "dental",
        "negative_fact",
        "אני במאוחדת, זה בסדר?",
        "מצטערים, אין לנו הסדר עם מאוחדת, אנחנו עובדים עם כללית בלבד.",
        "",
    ),
    (
        "dental",
        "negative_fact",
        "עושים יישור שיניים?",
        "לא, יישור שיניים ושתלים לא עושים במרפאה, אבל נשמח להפנות לרופא אחר.",
        "",
    ),
    (
        "pizza",
        "negative_fact",
        "יש גבינה טבעונית?",
        "לצערנו אין גבינה טבעונית וגם לא בצק ללא גלוטן.",
        "",
    ),
    ("nails", "negative_fact", "אפשר לשלם באשראי?", "לא, אצלנו משלמים רק במזומן או בביט 🙏", ""),
    (
        "flowers",
        "negative_fact",
        "אתם שולחים לתל אביב?",
        "לצערנו לא, יש משלוחים רק לפתח תקווה, גבעת שמואל וקריית אונו 🌷",
        "",
    ),
    ("vet", "negative_fact", "אתם מטפלים בתוכים?", "לא, אנחנו מטפלים רק בכלבים ובחתולים.", ""),
    ("clean", "negative_fact", "אתם מנקים ספות?", "לא, אנחנו לא מנקים שטיחים וספות 🙏", ""),
    # ---------------- smalltalk (grounded) ----------------
    ("salon", "smalltalk", "Thank you so much!!", "You're welcome! Have a lovely day 💇‍♀️", ""),
    ("salon", "smalltalk", "hi", "Hi there! 😊 How can I help you today?", ""),
    ("plumber", "smalltalk", "thanks, you're great", "Thanks, happy to help! 🔧", ""),
    ("yoga", "smalltalk", "Namaste 🙏", "Namaste 🙏 What can I do for you?", ""),
    ("garage", "smalltalk", "ok thanks", "👍 Drive safe!", ""),
    ("tutor", "smalltalk", "Good evening", "Good evening! How can I help?", ""),
    (
        "photo",
        "smalltalk",
        "The photos are stunning, thank you!!",
        "Aww, thank you so much, that means a lot! 🥰",
        "",
    ),
    ("photo", "smalltalk", "can I ask you something?", "Sure! Go ahead 😊", ""),
    ("yoga", "smalltalk", "sorry for the late message", "No worries at all! 🙂", ""),
    (
        "tutor",
        "smalltalk",
        "ok let me think about it and get back to you",
        "Of course, take your time 😊",
        "",
    ),
    ("dental", "smalltalk", "תודה רבה!", "בשמחה, יום נעים 😊", ""),
    ("pizza", "smalltalk", "היי", "היי! 🍕 במה אפשר לעזור?", ""),
    ("nails", "smalltalk", "את מהממת, תודה", "תודה יקירה 💖", ""),
    ("flowers", "smalltalk", "שבוע טוב", "שבוע טוב! 🌸 איך אפשר לעזור?", ""),
    ("clean", "smalltalk", "אוקיי אני אחשוב על זה", "בטח, קחי את הזמן 🙂", ""),
    ("vet", "smalltalk", "תודה, הכלב כבר מרגיש טוב", "איזה כיף לשמוע! 🐶 רפואה שלמה", ""),
    ("vet", "smalltalk", "אפשר לשאול שאלה?", "כן, בטח! 😊", ""),
    # ---------------- mixed languages (KB in one language, reply in the other) ----------------
    (
        "salon",
        "policy",
        "צריך לקבוע תור או שאפשר פשוט להגיע?",
        "אין צורך לקבוע תור, אפשר פשוט לקפוץ 😊",
        "KB: by appointment only",
    ),
    (
        "salon",
        "paraphrase",
        "כמה עולה תספורת גבר?",
        'תספורת גבר עולה 110 ש"ח ולוקחת בערך 40 דקות ✂️',
        "",
    ),
    (
        "salon",
        "contact",
        "איפה אתם נמצאים?",
        "אנחנו ברחוב אלנבי 14, תל אביב, קומה 2 😊",
        "house number 14; KB says 41",
    ),
    (
        "dental",
        "entity",
        "I'm with Maccabi, can I come to you?",
        "We work with Maccabi too 👍",
        "Maccabi; KB names Clalit only",
    ),
    (
        "dental",
        "negative_fact",
        "I'm with Maccabi, can I come to you?",
        "Sorry, we only work with Clalit; there's no arrangement with Maccabi.",
        "",
    ),
    (
        "pizza",
        "paraphrase",
        "is delivery free?",
        "Delivery is free on orders over 150 shekels; otherwise it's ₪15 🍕",
        "",
    ),
    (
        "photo",
        "action",
        "אפשר לקבוע צילומי משפחה לחמישי הבא?",
        "קבעתי לכם צילומי משפחה לחמישי הבא 📸 נתראה!",
        "claims to have booked",
    ),
    (
        "vet",
        "deflection",
        "Do you have a vet who speaks English?",
        "I'm not sure, I'll check with the clinic. You can also call us on 09-951-2274.",
        "",
    ),
    # ---------------- more grounded twins close to the ungrounded ones ----------------
    ("salon", "quote", "Can I come with my dog?", "By appointment only. No pets.", ""),
    (
        "plumber",
        "deflection",
        "My water heater is leaking, can someone come today?",
        "I'll pass this on to Dudi so he can get back to you; if it's urgent, call him on 054-662-7310.",
        "",
    ),
    (
        "yoga",
        "deflection",
        "please save me a spot in thursday's 18:00 vinyasa",
        "I can't reserve spots from here, but you can book Thursday's 18:00 class in the app 🙏",
        "",
    ),
    (
        "garage",
        "negative_fact",
        "Can you give me a replacement car for the day?",
        "Sorry, we don't have replacement cars, but the 89 bus stops right outside.",
        "",
    ),
    (
        "tutor",
        "combination",
        "Is the first lesson free? just to see if it fits",
        "You could start with a single 60-minute lesson (₪180), at my place or on Zoom, and see how it goes 😊",
        "",
    ),
    (
        "photo",
        "paraphrase",
        "What if I need to cancel? do I lose the deposit?",
        "If you cancel at least a week before, the deposit is refunded.",
        "",
    ),
    (
        "nails",
        "deflection",
        "אפשר לקבל הנחה?",
        "אין לי אפשרות לתת הנחות מכאן, אבל אעביר את השאלה לליה 💅",
        "",
    ),
    ("pizza", "paraphrase", "אם אני אוסף בעצמי יש הנחה?", "כן, באיסוף עצמי מקבלים 10% הנחה 🍕", ""),
    (
        "flowers",
        "combination",
        "כמה משלוח בפתח תקווה? הזמנה של 350",
        'בפתח תקווה המשלוח ₪30, ובהזמנה מעל ₪300 הוא חינם, אז ב-350 ש"ח לא תשלמי על משלוח 🌷',
        "",
    ),
    (
        "clean",
        "echo",
        "אפשר ביום שלישי ב-8:00?",
        "יום שלישי ב-8:00 - אבדוק עם הצוות ואחזור אלייך לאישור.",
        "",
    ),
    (
        "dental",
        "echo",
        "I'd like to come on Sunday at 9:30",
        "Sunday at 9:30? I'll check with the clinic and get back to you.",
        "",
    ),
    # ---------------- more ungrounded, phrasings not used above ----------------
    (
        "salon",
        "offer",
        "Can you match the price of the salon down the street? They charge 200 for a women's cut",
        "We can match that, no problem 😊",
        "price match not offered",
    ),
    (
        "tutor",
        "action",
        "Can you send me the worksheets from today's lesson?",
        "Sent! You'll find them in your inbox in a minute 📩",
        "claims to have sent",
    ),
    (
        "yoga",
        "entity",
        "Is there a shower? I'm coming straight from work",
        "Yes, there are showers on site, so you can come straight from work.",
        "showers named as not on site",
    ),
    (
        "nails",
        "entity",
        "באיזה לקים את משתמשת?",
        "אני עובדת עם לקים של OPI ו-CND 💅",
        "brand CND not in KB",
    ),
    (
        "pizza",
        "action",
        "שכחתי להוסיף פטריות להזמנה, אפשר?",
        "הוספתי פטריות להזמנה שלך 👍",
        "claims to have changed the order",
    ),
    (
        "vet",
        "entity",
        "אתם עובדים עם ביטוח של מרפאט?",
        "כן, אנחנו עובדים עם הביטוח של מרפאט 👍",
        "insurer not in KB",
    ),
    (
        "flowers",
        "policy",
        "אני צריכה זר בהפתעה לחולון",
        "אין בעיה, אנחנו שולחים לכל גוש דן 💐",
        "KB: three cities only",
    ),
    (
        "garage",
        "policy",
        "Do I need an appointment for an oil change?",
        "No need for an appointment, just drive in any time.",
        "KB: by appointment",
    ),
    (
        "plumber",
        "number",
        "How long is the warranty on a new water heater?",
        "New water heaters come with a 2-year warranty.",
        "2 years; KB says 6 months on all work",
    ),
    (
        "dental",
        "binding",
        "עד כמה זמן לפני התור אפשר לבטל?",
        "אפשר לבטל עד 6 שעות לפני התור.",
        "6 is the instalments / kids age; cancel 24 hours before",
    ),
    (
        "clean",
        "binding",
        "כמה שעות מינימום?",
        "המינימום הוא 4 שעות עבודה.",
        "minimum 3 hours; 4 is the room count",
    ),
    (
        "photo",
        "binding",
        "How much of a deposit do I pay for passport photos?",
        "Passport photos need a 30% deposit.",
        "30% deposit is for other sessions; passport is walk-in",
    ),
    # ---------------- hard: a reasonable reviewer could label either way ----------------
    (
        "plumber",
        "paraphrase",
        "Do you come to Kiryat Motzkin?",
        "Yes, Kiryat Motzkin is one of the Krayot, so it's in our area 👍",
        "",
        True,
    ),
    (
        "garage",
        "combination",
        "How much for brake pads on both axles?",
        "Brake pads are ₪450 per axle, so ₪900 for both.",
        "",
        True,
    ),
]


def lang_of(text):
    return "he" if re.search("[\u0590-\u05ff]", text) else "en"


def build():
    counters = {}
    out = []
    for case in CASES:
        biz, cat, question, reply, note = case[:5]
        hard = bool(case[5]) if len(case) > 5 else False
        assert biz in KB, biz
        assert cat in UNGROUNDED + GROUNDED, cat
        lang = lang_of(reply)
        key = (biz, lang)
        counters[key] = counters.get(key, 0) + 1
        row = {
            "id": f"cl-{biz}-{lang}-{counters[key]:02d}",
            "knowledge_base": KB[biz],
            "question": question,
            "reply": reply,
            "grounded": cat in GROUNDED,
            "language": lang,
            "category": cat,
            "hard": hard,
        }
        if cat in UNGROUNDED:
            assert note, row["id"]
            row["note"] = note
        out.append(row)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "claims.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    build()
