#!/usr/bin/env python3
"""Build eval/claims_holdout.jsonl: a blind held-out set for claims without numbers.

Written before any tuning of the grounding validator on claims without numbers
(issue 10), without reading agents/grounding/. Plain Python, no project imports.

    python3 eval/build_claims_holdout.py

Each business's knowledge base is written once below, so its text is identical in
every case. Cases are written in a small block format (see CASES): a header line
"@ <business> <reply language> <category> <G|U> [hard]", then "Q:" lines (the
customer's messages, joined with a newline), one "R:" line (the reply) and, for
ungrounded cases, an "N:" line (what is unsupported, in a few words).
"""

import json
import os
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "claims_holdout.jsonl")

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

# ---------------------------------------------------------------------------
# Knowledge bases (6 in Hebrew, 6 in English)
# ---------------------------------------------------------------------------

KB = OrderedDict()

KB["physio"] = """פיזיו חולון - מכון פיזיותרפיה, רחוב סוקולוב 73, חולון (קומה 2, יש מעלית).
טלפון: 03-5037719 | מייל: office@physioholon.co.il
הסדר עם כללית ומאוחדת בלבד: עם הפניה מרופא משלמים רק את ההשתתפות העצמית של הקופה.
טיפול פרטי (בלי קופה): 260 ₪ לטיפול של 45 דקות.
פיזיותרפיה לרצפת האגן (נשים): 320 ₪, 50 דקות, פרטי בלבד.
ערכה לתרגול בבית (גומיות + כדור): 90 ₪.
שעות: א'-ה' 7:30-20:00, ו' 8:00-12:30. שבת סגור.
טיפולים בתיאום מראש בלבד, אין קבלה בלי תור.
ביטול עד 24 שעות לפני הטיפול ללא חיוב; ביטול מאוחר יותר - חיוב של 100 ₪.
תשלום: אשראי, ביט או מזומן.
לא מבצעים ביקורי בית.
אין חניה פרטית - יש חניון עירוני ברחוב המעפילים."""

KB["groom"] = """"פרווה ושמפו" - מספרת כלבים של אורית, רחוב הגפן 19, פרדס חנה-כרכור.
טלפון/וואטסאפ: 052-6614820 | אינסטגרם: @parva_shampoo
רחצה וייבוש: כלב קטן (עד 10 ק"ג) 120 ₪; כלב בינוני (10-25 ק"ג) 160 ₪; כלב גדול (מעל 25 ק"ג) 210 ₪.
תספורת מלאה + רחצה: מ-220 ₪, תלוי בגזע ובמצב הפרווה.
גזיזת ציפורניים: 40 ₪ (חינם עם תספורת מלאה).
פתוח א'-ה' 8:00-17:00, ו' 8:00-13:00. שבת סגור.
רק בתור מראש.
מקדמה של 50 ₪ בביט בעת קביעת התור, מתקזזת מהמחיר.
לא מטפלים בחתולים - כלבים בלבד.
כלבים אגרסיביים - רק לאחר שיחה מוקדמת עם אורית.
תשלום: מזומן או ביט בלבד.
אין שירות איסוף והחזרה."""

KB["spokes"] = """Spokes & Gears - bicycle shop and repair workshop, 27 HaNevi'im St, Kfar Saba.
Phone: 09-7654120 | Website: spokesgears.co.il
Basic tune-up (brakes, gears, chain lube): ₪150. Full service: ₪320, ready within 3 working days.
Flat tyre repair: ₪45 while you wait (tube included).
E-bike battery check: ₪80. We do not repair e-bike motors or controllers.
We sell city bikes, mountain bikes and kids' bikes (Trek and Merida). No e-scooters.
Every new bike comes with a free first check-up within 2 months of purchase.
Open Sun-Thu 9:30-19:00, Fri 9:00-14:00. Closed Saturday.
Repairs: drop off any time during opening hours, no appointment needed.
Payment: cash, credit card (up to 6 instalments on new bikes), Bit.
Test rides on new bikes: leave an ID at the counter."""

KB[
    "crumb"
] = """Green Crumb Vegan Bakery - 112 Weizmann St, Givatayim. 100% plant-based, kosher parve (Rabbanut Givatayim).
Phone/WhatsApp: 054-3318207 | Instagram: @greencrumb.vegan
Sourdough loaf ₪28. Cinnamon buns ₪14 each or 6 for ₪75. Whole cakes (chocolate, carrot, lemon-almond) ₪165.
Custom birthday cakes: order at least 4 days ahead, from ₪260.
Gluten-free: only the lemon-almond cake. Our kitchen is not gluten-free certified.
We bake with nuts, so we cannot promise any product is nut-free.
Delivery: Givatayim and Ramat Gan ₪20; Tel Aviv ₪35; free over ₪250 in Givatayim only. No delivery elsewhere.
Delivery days: Sunday-Friday. Friday deliveries must be ordered by Thursday 14:00.
Shop hours: Sun-Thu 7:00-19:00, Fri 7:00-14:30. Closed Saturday.
Payment: credit card, Bit, PayBox. No cash on delivery."""

KB["hegeh"] = """בית ספר לנהיגה "ירוק בהגה" - המורה רונן אזולאי, באר שבע.
משרד: שדרות רגר 150, באר שבע. טלפון: 050-7281936
רישיון B (רכב פרטי) בלבד, על רכב אוטומטי. לא מלמדים על ידני, לא אופנועים ולא משאיות.
שיעור נהיגה (40 דקות): 150 ₪. שיעור כפול (80 דקות): 290 ₪.
חבילה של 10 שיעורים: 1,400 ₪, בתשלום מראש.
טסט פנימי: 200 ₪. ליווי לטסט (כולל שיעור חימום): 350 ₪.
איסוף מהבית או מבית הספר באזור באר שבע, עומר ומיתר בלבד.
שיעורים א'-ה' 6:30-21:00, ו' 7:00-13:00.
ביטול שיעור פחות מ-12 שעות מראש - השיעור מחויב במלואו.
השיעורים בעברית וברוסית.
תשלום: מזומן, ביט, העברה בנקאית."""

KB["lash"] = """Lush Lash & Brow Bar - Noa Peretz, 9 Rothschild St, Rishon LeZion (ground floor).
WhatsApp: 058-6120394 | Instagram: @lushlash.noa
Lash lift + tint: ₪220, about 60 minutes. Classic lash extensions: ₪320, about 2 hours. Refill within 3 weeks: ₪180.
Brow lamination: ₪200. Brow shaping (thread or wax) + tint: ₪90.
A patch test is required 48 hours before a first lash or tint treatment (free, 5 minutes).
By appointment only. A ₪50 deposit via Bit secures the slot and is deducted from the price.
Cancelling or rescheduling less than 24 hours before: the deposit is not refunded.
Hours: Sun-Thu 10:00-20:00, Fri 9:00-13:00. Closed Saturday.
Payment: Bit, PayBox or cash. No credit cards.
Women only. Under 16 only with a parent present.
We do not do microblading or permanent makeup."""

KB["techni"] = """"תיקונים לבית - אלי" - טכנאי מקררים, מכונות כביסה ומדיחי כלים, חיפה והקריות.
טלפון: 054-9902317
ביקור טכנאי (אבחון): 180 ₪. אם מבצעים את התיקון, דמי הביקור מתקזזים מהמחיר.
החלפת משאבת ניקוז במכונת כביסה: 350-450 ₪ כולל החלק.
מילוי גז למקרר: 480 ₪.
אחריות: 3 חודשים על התיקון והחלקים.
שעות עבודה: א'-ה' 8:00-18:00, ו' 8:00-12:00. בשבת ובחגים לא עובדים.
מגיעים לחיפה, קריית אתא, קריית ביאליק, קריית מוצקין, קריית ים וטירת כרמל. לא מגיעים לעכו ולנהריה.
לא מתקנים מזגנים, תנורים ומייבשי כביסה.
מותגים: בוש, סמסונג, LG, אלקטרולוקס, בקו.
תשלום: מזומן, ביט או אשראי (עד 3 תשלומים).
קביעת ביקור בטלפון בלבד, בדרך כלל תוך 1-2 ימי עבודה."""

KB[
    "muddy"
] = """Muddy Hands Pottery Workshop - 5 HaRakevet St, Kiryat Tivon (behind the old train station).
Phone: 04-9830562 | Email: hello@muddyhands.co.il
Wheel taster class (2.5 hours, all materials): ₪240 per person.
Family hand-building workshop (kids 6+ with a parent): ₪160 per participant, 2 hours.
8-week wheel course, one evening a week: ₪1,450, glazes and 2 firings included.
We glaze and fire your pieces; they are ready for pickup after 3 weeks. No shipping.
Private groups (8-14 people): ₪210 per person, weekdays only.
Classes: Sun-Thu 10:00-13:00 and 18:00-21:00, Fri 9:30-12:30. No classes on Saturday.
Booking by phone or email, full payment in advance. Cancellation up to 72 hours before: full refund; later: credit for another class.
Payment: credit card, Bit, bank transfer.
Parking: free in the station car park.
The studio is on the 1st floor, no elevator."""

KB["hovalot"] = """"הובלות העמק - משה ובניו" - הובלות דירות ומשרדים, יוצאים מעפולה.
טלפון: 04-6523390 | אתר: hovalot-haemek.co.il
משרתים את עמק יזרעאל, הגליל התחתון וחיפה. הובלות למרכז הארץ - רק בהזמנה מיוחדת, לפי הצעת מחיר.
הובלת דירת 3 חדרים באותה עיר: מ-2,800 ₪. דירת 4-5 חדרים: מ-3,900 ₪.
פירוק והרכבת ארונות: 250 ₪ לארון.
קרטונים: 6 ₪ לקרטון, מגיעים עד הבית יום-יומיים לפני ההובלה.
מנוף: 900 ₪, לפי הצורך ובתיאום מראש.
ביטוח תכולה כלול עד 50,000 ₪.
מקדמה: 500 ₪ בסגירת התאריך, היתרה ביום ההובלה.
לא מובילים פסנתרים וכספות.
עובדים א'-ו'. בשבת לא עובדים.
תשלום: העברה בנקאית, מזומן או אשראי."""

KB["vita"] = """VitaCorner Health Shop - 33 Jabotinsky St, Ra'anana.
Phone: 09-7712054 | Website: vitacorner.co.il
Vitamins and supplements (Solgar, Altman, Now Foods), natural cosmetics, baby formula and over-the-counter medicines.
We are not a pharmacy: no prescription medicines and no health-fund (kupat holim) discounts.
Free blood-pressure measurement at the counter during opening hours.
Consultation with our naturopath Dana: ₪150 for 45 minutes, Tuesdays and Thursdays only, by appointment.
Club members (free to join) get 10% off supplements; not on baby formula.
Home delivery in Ra'anana and Kfar Saba: ₪25, free over ₪300. Same-day delivery if you order by 13:00.
Hours: Sun-Thu 8:30-20:30, Fri 8:00-14:00. Closed Saturday.
Returns: unopened products within 14 days with a receipt, refunded to the original payment method.
Payment: cash, credit card, Apple Pay, Google Pay."""

KB[
    "jump"
] = """Jumping Jacks - kids' birthday venue with trampolines and a soft-play area, 14 HaMelacha St, Rosh HaAyin (industrial zone).
Phone: 03-9025518 | Email: parties@jumpingjacks.co.il
Parties for ages 3-12, 2.5 hours. Sun-Thu from 16:00, Fridays 9:00-14:00. No parties on Saturday.
Basic package: ₪2,400 for up to 20 kids; each extra child ₪70 (max 35 kids).
Premium package: ₪3,300 for up to 20 kids, includes pizza, a host and a birthday cake.
Basic package: you bring your own food. No meat and no nuts allowed in the hall.
Grip socks are required on the trampolines: ₪10 a pair, or bring your own.
A ₪800 deposit books the date and is non-refundable; the balance is paid on the day.
Changing the date is free up to 14 days before.
Payment: credit card, bank transfer, cash.
Free parking in front of the building."""

KB["tzimer"] = """צימר "בין הכרמים" - רחוב הזית 12, מושב עמיקם (10 דקות מזכרון יעקב).
טלפון: 052-3879140 | אינסטגרם: @bein_hakramim
3 יחידות זוגיות, בכל יחידה ג'קוזי, מטבחון ומרפסת עם נוף לכרמים.
מחיר ללילה: א'-ה' 850 ₪; שישי-שבת 1,150 ₪ ללילה, מינימום 2 לילות בסופ"ש.
ארוחת בוקר זוגית מוגשת ליחידה: 160 ₪, בהזמנה מראש.
צ'ק-אין מ-15:00, צ'ק-אאוט עד 11:00.
מתאים לזוגות בלבד, לא לילדים ולא לתינוקות.
אסור להכניס בעלי חיים.
מקדמה של 30% בהזמנה. ביטול עד 7 ימים לפני ההגעה - החזר מלא; פחות מזה - חיוב של 50%.
בריכה משותפת, פתוחה מאי עד אוקטובר.
חניה פרטית ליד כל יחידה, וויי-פיי חינם.
תשלום: העברה בנקאית, ביט או אשראי."""

# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

CASES = r"""
# ============================ physio (he KB) ============================
@ physio he entity U
Q: היי, אני במכבי. אפשר לבוא אליכם דרך הקופה?
R: כן, אנחנו עובדים גם עם מכבי 👍 צריך רק להביא הפניה מהרופא.
N: Maccabi; KB has Clalit and Meuhedet only

@ physio he policy U
Q: כואב לי הגב נורא, אפשר פשוט לקפוץ מחר בבוקר בלי תור?
R: בטח, אפשר להגיע גם בלי תור. תגיע בבוקר ונכניס אותך בין המטופלים 🙏
N: walk-in; KB says by appointment only

@ physio he action U
Q: אפשר תור ליום שני ב-16:30?
R: רשמתי אותך ליום שני ב-16:30 ✅ נתראה!
N: claims a booking was made

@ physio he echo G
Q: אפשר תור ליום שני ב-16:30?
R: יום שני ב-16:30, הבנתי. אני מעבירה את הבקשה לצוות כדי שיחזרו אלייך לאישור 🙏

@ physio he number U
Q: כמה עולה טיפול לרצפת האגן?
R: טיפול לרצפת האגן עולה 280 ₪, והוא נמשך כ-50 דקות.
N: price 280; KB says 320

@ physio he binding U
Q: כמה זמן נמשך טיפול פרטי רגיל?
R: טיפול פרטי רגיל נמשך 50 דקות ועולה 260 ₪.
N: 50 minutes is the pelvic-floor session; a private session is 45

@ physio he contact U
Q: לאיזה מייל אפשר לשלוח את ההפניה?
R: אפשר לשלוח את ההפניה ל-info@physioholon.co.il 📩
N: e-mail info@; KB has office@

@ physio he quote G
Q: מה המייל שלכם?
R: מייל: office@physioholon.co.il

@ physio he offer U
Q: הפיזיותרפיסטית אמרה שאני צריכה ערכה לתרגול בבית, זה עולה משהו?
R: ערכת התרגול ניתנת לכל מטופל חדש בלי תשלום 🎁
N: home kit given free; KB prices it at 90

@ physio he affirmation U
Q: אני אחרי ניתוח ברך ולא יכולה לצאת מהבית. אפשר שפיזיותרפיסט יגיע אליי?
R: כן, בטח! 😊
N: agrees to a home visit; KB says no home visits

@ physio he policy U
Q: ביטלתי הבוקר את התור של אחה"צ, יחייבו אותי?
R: לא, אצלנו אין חיוב על ביטול, לא משנה מתי מבטלים 🙂
N: no cancellation fee; KB charges 100 under 24 hours

@ physio he entity U
Q: יש לכם חניה?
R: כן, יש לנו חניה פרטית למטופלים מאחורי הבניין 🚗
N: private parking; KB says none

@ physio he negative_fact G
Q: איפה מחנים אצלכם?
R: אין לנו חניה פרטית, אבל יש חניון עירוני קרוב ברחוב המעפילים 🚗

@ physio he paraphrase G
Q: כמה עולה טיפול בלי קופה?
R: טיפול פרטי עולה מאתיים שישים שקלים ונמשך שלושת רבעי שעה.

@ physio he negative_fact G
Q: אני במכבי, אפשר דרך הקופה?
R: מצטערים, ההסדר שלנו הוא רק עם כללית ומאוחדת, לא עם מכבי. אפשר להגיע כטיפול פרטי ב-260 ₪.

@ physio he negative_fact G
Q: אתם מגיעים גם הביתה?
R: לצערי אנחנו לא מבצעים ביקורי בית, הטיפולים רק במכון ברחוב סוקולוב 73 בחולון.

@ physio he combination G
Q: אני בכללית ויש לי הפניה. כמה אשלם ומתי אתם פתוחים?
R: עם הפניה מכללית משלמים רק את ההשתתפות העצמית של הקופה. אנחנו פתוחים בימים א'-ה' 7:30-20:00 ובשישי 8:00-12:30.

@ physio he deflection G
Q: יש אצלכם פיזיותרפיסט שמתמחה בפציעות ריצה?
R: אין לי את המידע הזה, אעביר את השאלה לצוות. אפשר גם להתקשר ישירות ל-03-5037719.

@ physio he quote G
Q: מה מדיניות הביטולים?
R: ביטול עד 24 שעות לפני הטיפול ללא חיוב; ביטול מאוחר יותר - חיוב של 100 ₪

@ physio he echo G
Q: אפשר לשלם בביט?
R: כן, אפשר בביט 👍

@ physio he smalltalk G
Q: תודה רבה, הייתם מקסימים!
R: תודה לך! שמחנו לעזור, רפואה שלמה 🙏

@ physio en paraphrase G
Q: Hi, do you work with Meuhedet?
R: Yes, we have an arrangement with Clalit and Meuhedet: with a doctor's referral you only pay the health fund's co-payment.

@ physio he number U
Q: עד מתי אתם פתוחים ביום שישי?
R: בשישי אנחנו פתוחים עד 13:30.
N: Friday until 13:30; KB says 12:30

# ============================ groom (he KB) ============================
@ groom he policy U
Q: יש לי חתולה פרסית שצריכה רחצה, אפשר להביא אותה?
R: בטח, תביאי אותה! אנחנו מטפלים גם בחתולים 🐱
N: cats accepted; KB says dogs only

@ groom he affirmation U
Q: אפשר להביא גם את החתול שלי לתספורת יחד עם הכלב?
R: כן, בטח 😊
N: agrees to groom a cat; KB says no cats

@ groom he number U
Q: כמה עולה רחצה לגולדן? הוא שוקל 32 קילו
R: לכלב גדול כמו שלך רחצה וייבוש עולים 250 ₪.
N: 250; large dog is 210

@ groom he binding U
Q: כמה עולה רחצה לשיצו? היא 7 קילו
R: רחצה וייבוש לכלבה קטנה כמוה - 160 ₪ 🛁
N: 160 is the medium-dog price; small is 120

@ groom he offer U
Q: אם אני עושה רק רחצה, גזיזת ציפורניים כלולה?
R: כן, גם עם רחצה בלבד גזיזת הציפורניים בחינם 🐾
N: free nail trim with a bath; KB free only with a full haircut

@ groom he action U
Q: אפשר תור לחמישי ב-9 בבוקר?
R: סגור! שריינתי לכם את חמישי ב-9:00 🐶 נתראה
N: claims the slot was reserved

@ groom he policy U
Q: צריך לשלם משהו מראש?
R: לא צריך מקדמה, משלמים על הכל בסוף הטיפול 🙂
N: no deposit; KB requires a 50 deposit

@ groom he contact U
Q: יש לכם אינסטגרם? רוצה לראות עבודות
R: כן! תעקבו אחרינו ב-@parva.shampoo 📸
N: handle with a dot; KB has @parva_shampoo

@ groom he entity U
Q: אפשר לשלם באשראי?
R: כן, אפשר לשלם באשראי, במזומן או בביט.
N: credit card; KB says cash or Bit only

@ groom he entity U
Q: אתם יכולים לאסוף את הכלב מהבית? אני בכרכור
R: כן, אנחנו אוספים ומחזירים בכל פרדס חנה-כרכור 🚐
N: pick-up service; KB says none

@ groom he negative_fact G
Q: אתם מטפלים גם בחתולים?
R: מצטערת, אנחנו מטפלים רק בכלבים, לא בחתולים 🐶

@ groom he paraphrase G
Q: כמה עולה תספורת לפודל?
R: תספורת מלאה כולל רחצה מתחילה ב-220 ש"ח, והמחיר הסופי תלוי בגזע ובמצב הפרווה.

@ groom he combination G
Q: גזיזת ציפורניים זה בתוספת?
R: גזיזת ציפורניים עולה 40 ₪, ואם עושים תספורת מלאה היא בחינם ✂️

@ groom he echo G
Q: אפשר להביא אותו ביום שישי ב-12?
R: שישי ב-12:00? אנחנו פתוחים בשישי עד 13:00, אז אעביר לאורית לבדוק אם יש מקום 🙏

@ groom he quote G
Q: הכלב שלי קצת תוקפני עם זרים, אפשר להביא אותו?
R: כלבים אגרסיביים - רק לאחר שיחה מוקדמת עם אורית. אפשר להתקשר אליה ל-052-6614820.

@ groom he deflection G
Q: יש לכם שמפו מיוחד לכלבים עם עור רגיש?
R: לא בטוחה, אשאל את אורית ואחזור אלייך.

@ groom he smalltalk G
Q: הוא יצא מהמם!! תודה 😍
R: איזה כיף לשמוע! 🐶💛

@ groom he combination G
Q: מתי אתם פתוחים ואיך משלמים?
R: א'-ה' 8:00-17:00 ושישי עד 13:00, בשבת סגור. התשלום במזומן או בביט בלבד.

@ groom he negative_fact G
Q: אתם עושים איסוף מהבית?
R: לא, אין לנו שירות איסוף והחזרה. צריך להביא את הכלב למספרה ברחוב הגפן 19.

@ groom he echo G
Q: הכלב שלי 12 קילו, זה נחשב בינוני?
R: כן, 12 ק"ג זה כלב בינוני, ורחצה וייבוש עולים 160 ₪.

# ============================ spokes (en KB) ============================
@ spokes en entity U
Q: Do you fix e-scooters? My Xiaomi's brakes are squeaking
R: Yes, we repair e-scooters too, bring it in any time during opening hours 🛴
N: e-scooter repair; KB says no e-scooters

@ spokes en entity U
Q: do you have Giant bikes?
R: Yes, we carry Giant as well as Trek and Merida.
N: brand Giant not in KB

@ spokes en policy U
Q: Do I need to book a slot for a tune-up?
R: Yes, repairs are by appointment only, so send us a message to book a slot first.
N: appointment required; KB says no appointment needed

@ spokes en number U
Q: How much for a full service?
R: A full service is ₪350 and it's usually ready within 3 working days.
N: 350; KB says 320

@ spokes en binding U
Q: How much is it to fix a flat?
R: Flat tyre repair is ₪80, done while you wait.
N: 80 is the e-bike battery check; flat repair is 45

@ spokes en binding U
Q: If I bring it in for a basic tune-up how long will it take?
R: A basic tune-up is ₪150 and it's ready within 3 working days.
N: 3 working days is stated for the full service only

@ spokes en action U
Q: Can you hold the blue Merida kids bike for me until Friday?
R: Done, I've put it aside for you under your name until Friday 👍
N: claims the bike was put aside

@ spokes en offer U
Q: I bought a bike from you last year, is the check-up still free?
R: Yes, the first check-up is free for all our customers, whenever you like 😊
N: free check-up any time; KB within 2 months of purchase

@ spokes en contact U
Q: what's your website?
R: You can see all our bikes at www.spokesandgears.co.il
N: domain; KB has spokesgears.co.il

@ spokes en affirmation U
Q: Can I drop my bike off Saturday morning?
R: Sure, see you Saturday! 🚲
N: agrees to Saturday; KB closed Saturday

@ spokes en entity U
Q: Can I pay with PayPal?
R: Yes, PayPal works too, as well as cash, card and Bit.
N: PayPal not a KB payment method

@ spokes en offer U
Q: I found the same Trek cheaper online. Can you match the price?
R: No problem, we'll match any online price 👍
N: price match not offered

@ spokes en policy U
Q: Can my son take the mountain bike for a test ride? He doesn't have an ID on him
R: Sure, no ID needed, he can just take it for a spin around the block.
N: no ID; KB requires leaving an ID

@ spokes en number U
Q: Are you open Friday afternoon?
R: On Fridays we're open until 15:00.
N: Friday until 15:00; KB says 14:00

@ spokes he entity U
Q: אתם מתקנים מנועים של אופניים חשמליים?
R: כן, אנחנו מתקנים גם מנועים ובקרים של אופניים חשמליים 🔧
N: e-bike motor repair; KB says not done

@ spokes en paraphrase G
Q: how much is a basic tune up?
R: A basic tune-up is 150 shekels, and that covers brakes, gears and chain lube.

@ spokes en negative_fact G
Q: My e-bike motor keeps cutting out, can you fix it?
R: Sorry, we don't repair e-bike motors or controllers. We can do a battery check for ₪80 though.

@ spokes en paraphrase G
Q: Do I need an appointment to bring my bike in for repair?
R: Nope, just drop it off any time we're open: Sun-Thu 9:30am-7pm, Fri 9am-2pm.

@ spokes en quote G
Q: Flat tyre, how much?
R: Flat tyre repair: ₪45 while you wait (tube included)

@ spokes en echo G
Q: I bought a Merida from you on March 3rd, can I still get the free check-up?
R: March 3rd, got it. The free first check-up is within 2 months of purchase, so I'll pass your details to the team to check the date 🙂

@ spokes en combination G
Q: Can I pay for a new bike in instalments? And do you take Bit?
R: Yes, on new bikes you can pay by credit card in up to 6 instalments, and we take Bit and cash too.

@ spokes en deflection G
Q: Do you have a 20-inch Trek in red in stock?
R: I don't have the stock in front of me, I'll pass your question to the team. You can also call the shop at 09-7654120.

@ spokes en smalltalk G
Q: ok thanks!
R: You're welcome! Happy riding 🚴

@ spokes en echo G
Q: Do you take Bit?
R: Yes, we do 👍

@ spokes en negative_fact G
Q: Are you open on Saturday?
R: We're closed on Saturdays, but you can come by on Friday between 9:00 and 14:00.

@ spokes en contact U
Q: where's the shop?
R: We're at 72 HaNevi'im St in Kfar Saba 📍
N: house number 72; KB says 27

@ spokes en paraphrase G
Q: where's the shop?
R: We're at 27 HaNevi'im Street, Kfar Saba 📍

# ============================ crumb (en KB) ============================
@ crumb en binding U
Q: How much is delivery to Tel Aviv?
R: Delivery to Tel Aviv is ₪20 🚚
N: 20 is the Givatayim/Ramat Gan fee; Tel Aviv is 35

@ crumb en entity U
Q: Do you deliver to Holon?
R: Yes, we deliver to Holon too, same as Tel Aviv.
N: Holon not served

@ crumb en offer U
Q: If I order ₪260 worth to Ramat Gan, is delivery free?
R: Yes! Orders over ₪250 get free delivery 🎉
N: free delivery over 250 applies in Givatayim only

@ crumb en number U
Q: how much for a dozen cinnamon buns?
R: A dozen cinnamon buns is ₪140.
N: invented dozen price

@ crumb en entity U
Q: Is the chocolate cake gluten free? My husband is celiac
R: We can make the chocolate cake gluten-free on request 😊
N: gluten-free chocolate cake; only the lemon-almond is

@ crumb en action U
Q: I'd like a carrot cake for Friday, delivered to Givatayim
R: Perfect, your carrot cake is ordered for Friday delivery 🥕🎂 You'll get an SMS confirmation.
N: claims the order was placed

@ crumb en contact U
Q: what's your insta?
R: We're @greencrumb_vegan on Instagram 🌱
N: handle with underscore; KB @greencrumb.vegan

@ crumb en policy U
Q: Can I order a custom birthday cake for tomorrow?
R: Sure, no problem! Send us the design and we'll have it ready tomorrow.
N: next-day custom cake; KB needs 4 days

@ crumb en affirmation U
Q: Can I pay cash when the delivery arrives?
R: Of course! 😊
N: agrees to cash on delivery; KB says no

@ crumb en policy U
Q: Are your cakes nut-free? My daughter is allergic
R: Yes, all our cakes are nut-free, so no worries 💚
N: nut-free; KB says they cannot promise it

@ crumb en number U
Q: What time do you open on Friday?
R: On Fridays we open at 8:00 and close at 14:30.
N: Friday opening 8:00; KB says 7:00

@ crumb en offer U
Q: The buns arrived completely squashed :(
R: So sorry! Your next batch is on the house 💚
N: free replacement not offered

@ crumb he policy U
Q: אפשר משלוח לרמת גן ביום שבת?
R: בטח, אנחנו שולחים גם בשבת 🚚
N: Saturday delivery; KB delivers Sunday-Friday

@ crumb en paraphrase G
Q: How much is a loaf?
R: A sourdough loaf is 28 shekels 🍞

@ crumb en combination G
Q: I want 6 cinnamon buns delivered to Ramat Gan, how much?
R: 6 cinnamon buns are ₪75, plus ₪20 for delivery to Ramat Gan.

@ crumb en negative_fact G
Q: Do you deliver to Herzliya?
R: Sorry, we only deliver to Givatayim, Ramat Gan and Tel Aviv.

@ crumb en quote G
Q: Is everything gluten free?
R: Gluten-free: only the lemon-almond cake. Our kitchen is not gluten-free certified.

@ crumb en echo G
Q: It's Thursday 11am now, can I still get a chocolate cake on Friday?
R: Thursday 11am is before the 14:00 cut-off for Friday deliveries 🙂 I'll pass your order request on to the team to confirm.

@ crumb en deflection G
Q: Do you do wedding cakes for 150 guests?
R: Good question! I'm not sure about orders that big, I'll check with the team. You can also WhatsApp us at 054-3318207.

@ crumb en paraphrase G
Q: Is delivery free if I order ₪300 to Givatayim?
R: Yes, in Givatayim delivery is free on orders over ₪250 🎉

@ crumb en smalltalk G
Q: Happy Friday!! 🥐
R: Shabbat shalom! 🌱💚

@ crumb en negative_fact G
Q: Can I pay the driver in cash?
R: Sorry, there's no cash on delivery. You can pay by card, Bit or PayBox.

@ crumb en paraphrase G
Q: is it kosher?
R: Yes, everything is 100% plant-based and kosher parve, under the Givatayim Rabbanut.

@ crumb he paraphrase G
Q: כמה עולה עוגה שלמה?
R: עוגה שלמה (שוקולד, גזר או לימון-שקדים) עולה 165 ₪ 🎂

# ============================ hegeh (he KB) ============================
@ hegeh he entity U
Q: אפשר ללמוד אצלכם על ידני?
R: כן, יש לנו גם רכב ידני וגם אוטומטי 🚗
N: manual car; KB automatic only

@ hegeh he entity U
Q: אתם מלמדים גם באנגלית? הבת שלי עולה חדשה מארה"ב
R: כן, רונן מלמד בעברית, ברוסית וגם באנגלית 👍
N: English lessons; KB Hebrew and Russian

@ hegeh he number U
Q: כמה עולה שיעור?
R: שיעור של 40 דקות עולה 170 ₪.
N: 170; KB 150

@ hegeh he binding U
Q: כמה עולה ליווי לטסט?
R: ליווי לטסט עולה 200 ₪ וכולל שיעור חימום.
N: 200 is the internal test; escort is 350

@ hegeh he policy U
Q: אם אני מבטל שיעור שעה לפני, אני משלם?
R: לא, אצלנו לא מחייבים על ביטולים, רק תודיע מראש 🙂
N: no cancellation charge; KB charges in full under 12 hours

@ hegeh he contact U
Q: מה הכתובת של המשרד?
R: המשרד שלנו בשדרות רגר 105, באר שבע.
N: house number 105; KB 150

@ hegeh he offer U
Q: אם אני קונה חבילה של 10 שיעורים, מקבלים משהו?
R: בחבילה של 10 שיעורים הטסט הפנימי עלינו 🎁
N: free internal test not offered

@ hegeh he action U
Q: רוצה להתחיל ללמוד, אפשר שיעור ראשון ביום ראשון?
R: מעולה! שמתי אותך ביומן של רונן ליום ראשון, הוא יתקשר אלייך לתאם שעה 🚗
N: claims the lesson was put in the diary

@ hegeh he affirmation U
Q: אפשר 10% הנחה אם אני משלם על כל החבילה במזומן?
R: בטח, סגרנו 😊
N: agrees to a discount not in KB

@ hegeh he entity U
Q: אני גרה בלהבים, אתם אוספים משם?
R: כן, אנחנו אוספים גם מלהבים 🙂
N: Lehavim not in pick-up area

@ hegeh he policy U
Q: אפשר לשלם על החבילה בסוף, אחרי השיעור האחרון?
R: כן, את החבילה אפשר לשלם בסוף, בלי בעיה.
N: pay at end; KB package paid in advance

@ hegeh he affirmation U
Q: אפשר שיעור בשבת בבוקר? זה היום היחיד שאני פנוי
R: כן, אין בעיה 👍
N: agrees to a Saturday lesson; KB teaches Sunday-Friday

@ hegeh he negative_fact G
Q: יש לכם רכב ידני?
R: לא, אצלנו לומדים על אוטומט בלבד.

@ hegeh he paraphrase G
Q: כמה זה שיעור כפול?
R: שיעור כפול הוא 80 דקות, כלומר שעה ועשרים דקות, ועולה 290 ש"ח.

@ hegeh he combination G
Q: אני גרה בעומר, אפשר איסוף? ומה השעות?
R: כן, אוספים מעומר 👍 השיעורים בימים א'-ה' בין 6:30 ל-21:00 ובשישי 7:00-13:00.

@ hegeh he echo G
Q: אפשר שיעור ביום שלישי ב-19:30?
R: שלישי ב-19:30 זה בתוך שעות השיעורים 👍 אעביר לרונן כדי שיאשר לך את השעה.

@ hegeh he deflection G
Q: כמה שיעורים בממוצע צריך עד הטסט?
R: זה מאוד אישי, כדאי לדבר עם רונן ישירות: 050-7281936.

@ hegeh he quote G
Q: מה קורה אם מבטלים ברגע האחרון?
R: ביטול שיעור פחות מ-12 שעות מראש - השיעור מחויב במלואו.

@ hegeh he smalltalk G
Q: עברתי טסט!!! 🎉🎉
R: מזל טוב!!! 🥳 נסיעות בטוחות!

@ hegeh he negative_fact G
Q: אני רוצה להוציא רישיון על אופנוע
R: מצטערים, אנחנו מלמדים רק רישיון B לרכב פרטי, לא אופנועים.

@ hegeh en paraphrase G
Q: Hi, do you teach in Russian?
R: Yes, Ronen teaches in Hebrew and in Russian 🙂

@ hegeh he paraphrase G
Q: כמה עולה החבילה?
R: חבילה של עשרה שיעורים עולה אלף וארבע מאות שקל, ומשלמים עליה מראש.

# ============================ lash (en KB) ============================
@ lash en entity U
Q: Do you do microblading?
R: Yes! Microblading is one of our most popular treatments ✨
N: microblading; KB says not done

@ lash en entity U
Q: Can I pay by card?
R: Sure, we take credit cards, Bit and PayBox 💳
N: credit cards; KB says no credit cards

@ lash en policy U
Q: Can I just pop in for a brow tint without an appointment?
R: Sure, walk-ins are welcome for brow shaping and tint 🙂
N: walk-ins; KB by appointment only

@ lash en policy U
Q: First time getting lash extensions, anything I need to do before?
R: Nothing at all, you can just come in, no patch test is needed for extensions 😊
N: no patch test; KB requires one 48h before

@ lash en number U
Q: how long does a lash lift take?
R: A lash lift with tint takes about 45 minutes.
N: 45 minutes; KB about 60

@ lash en binding U
Q: What does a refill cost?
R: A refill is ₪200 if you come within 3 weeks.
N: 200 is brow lamination; refill is 180

@ lash en offer U
Q: I have to cancel my appointment, it's in 3 hours, so sorry 😞
R: No worries at all, your deposit will be fully refunded 💕
N: refund promise; KB keeps the deposit under 24h

@ lash en action U
Q: Can I get a lash lift Tuesday at 11?
R: You're booked in for Tuesday at 11:00 ✨ See you then!
N: claims a booking

@ lash en contact U
Q: What's the address?
R: We're at 19 Rothschild St, Rishon LeZion, ground floor 😊
N: house number 19; KB says 9

@ lash en affirmation U
Q: can I book brow shaping for my 12 year old? she'd come on her own after school
R: Of course 😊
N: agrees to an unaccompanied minor; KB needs a parent under 16

@ lash en affirmation U
Q: Can I come Saturday evening?
R: Sure, see you Saturday! 💕
N: agrees to Saturday; KB closed Saturday

@ lash en offer U
Q: I'm doing classic extensions, can you throw in a brow shaping?
R: For you, the brow shaping is on the house 😘
N: free brow shaping not offered

@ lash en contact U
Q: do you have instagram?
R: Yes! Follow us at @lushlashbar for before-and-afters ✨
N: handle @lushlashbar; KB @lushlash.noa

@ lash he policy U
Q: יש לכם גם טיפולים לגברים? בעלי רוצה לסדר גבות
R: כן, אנחנו מטפלים גם בגברים 😊 אפשר לקבוע לו תור.
N: men treated; KB women only

@ lash en paraphrase G
Q: How much are classic extensions?
R: Classic lash extensions are 320 NIS and take about two hours.

@ lash en quote G
Q: Do you need a deposit?
R: By appointment only. A ₪50 deposit via Bit secures the slot and is deducted from the price.

@ lash en paraphrase G
Q: Where are you located?
R: 9 Rothschild St, Rishon LeZion, on the ground floor 📍

@ lash en negative_fact G
Q: Do you do permanent makeup for lips?
R: Sorry, we don't do permanent makeup or microblading 🙏

@ lash en negative_fact G
Q: Card ok?
R: We don't take credit cards, sorry! Bit, PayBox or cash 🙂

@ lash en echo G
Q: can I do a lash lift on Wednesday at 14:30?
R: Wednesday at 14:30 for a lash lift, let me check with Noa and get back to you 💕

@ lash en deflection G
Q: Do you have anything free next week?
R: I can't see the calendar from here, but I'll ask Noa to get back to you. You can also WhatsApp her at 058-6120394.

@ lash en combination G
Q: Lash lift and brow shaping together, how much?
R: The lash lift with tint is ₪220 and brow shaping with tint is ₪90.

@ lash en smalltalk G
Q: Love my lashes!!! 😍😍
R: Yay, so happy you love them! 💕✨

@ lash en echo G
Q: Can I pay with PayBox?
R: Yes, PayBox is fine 👍

@ lash en paraphrase G
Q: is the patch test extra?
R: No, the patch test is free and takes just 5 minutes. It has to be done 48 hours before your first lash or tint treatment.

@ lash en negative_fact G
Q: Can I bring my husband? He wants his brows done
R: Sorry, we treat women only 🙏

# ============================ techni (he KB) ============================
@ techni he entity U
Q: אני גר בעכו, אתה מגיע?
R: כן, מגיע גם לעכו 👍
N: Akko; KB says not served

@ techni he entity U
Q: המזגן לא מקרר, אתה מתקן?
R: כן, אני מתקן גם מזגנים, אפשר לקבוע ביקור בטלפון.
N: air-conditioner repair; KB says not done

@ techni he entity U
Q: יש לי מקרר של שארפ, אתה עובד עליהם?
R: בטח, שארפ זה מותג שאני עובד עליו הרבה.
N: brand Sharp not in KB

@ techni he number U
Q: כמה עולה מילוי גז למקרר?
R: מילוי גז למקרר עולה 420 ₪.
N: 420; KB 480

@ techni he binding U
Q: כמה עולה ביקור טכנאי?
R: ביקור טכנאי עולה 350 ₪, ואם מתקנים זה מתקזז מהמחיר.
N: 350 is the pump replacement; visit is 180

@ techni he offer U
Q: ואם בסוף לא מתקנים, משלמים על הביקור?
R: לא, אם לא מתקנים אז הביקור בחינם 🙂
N: free visit without repair; KB 180, offset only if repaired

@ techni he action U
Q: אפשר שתגיע מחר בבוקר? מכונת הכביסה מצפצפת ולא מסחטת
R: קבעתי לך ביקור למחר בבוקר, אתקשר כשאני בדרך 👍
N: claims a visit was scheduled

@ techni he policy U
Q: אפשר לקבוע ביקור דרך הוואטסאפ?
R: כן, אפשר לקבוע ביקור גם כאן בוואטסאפ, פשוט תשלח כתובת.
N: booking by WhatsApp; KB by phone only

@ techni he affirmation U
Q: יש סיכוי שתגיע בשבת? המקרר מת לגמרי ויש לי אוכל לכל המשפחה
R: כן, אין בעיה, אגיע 👍
N: agrees to Saturday; KB no work on Saturday

@ techni he contact U
Q: מה המספר שלך לקבוע?
R: תתקשר ל-054-9902371 ונקבע.
N: phone digits swapped; KB 054-9902317

@ techni he offer U
Q: כמה אחריות יש על התיקון?
R: יש 3 חודשים אחריות על החלקים, ועל העבודה עצמה אחריות לכל החיים 💪
N: lifetime labour warranty not offered

@ techni he negative_fact G
Q: התנור שלי לא מחמם, אתה יכול לבוא?
R: מצטער, אני לא מתקן תנורים, רק מקררים, מכונות כביסה ומדיחי כלים.

@ techni he paraphrase G
Q: כמה עולה להחליף משאבה במכונת כביסה?
R: החלפת משאבת ניקוז עולה בין 350 ל-450 שקל, כולל החלק.

@ techni he combination G
Q: כמה עולה ביקור, וזה נוסף למחיר התיקון?
R: ביקור אבחון עולה 180 ₪, ואם מבצעים את התיקון דמי הביקור מתקזזים מהמחיר. יש גם 3 חודשי אחריות על התיקון והחלקים.

@ techni he echo G
Q: אני בקריית ביאליק, אתה מגיע?
R: כן, קריית ביאליק באזור שלי 👍 לקביעת ביקור תתקשר ל-054-9902317.

@ techni he deflection G
Q: המדיח שלי דולף מלמטה, מה זה יכול להיות?
R: קשה לדעת בלי לראות. הכי טוב לתאם ביקור אבחון בטלפון 054-9902317.

@ techni he quote G
Q: איך משלמים?
R: תשלום: מזומן, ביט או אשראי (עד 3 תשלומים).

@ techni he negative_fact G
Q: ולנהריה אתה מגיע?
R: לצערי לנהריה ולעכו אני לא מגיע.

@ techni he smalltalk G
Q: המכונה עובדת כמו חדשה, תודה אלי!
R: בכיף, שמח לשמוע! 🙏

@ techni en paraphrase G
Q: Do you fix Samsung fridges?
R: Yes, Samsung is one of the brands I work on 👍

@ techni he paraphrase G
Q: תוך כמה זמן אתה מגיע בדרך כלל?
R: בדרך כלל תוך יום או יומיים של עבודה מרגע שקובעים בטלפון.

# ============================ muddy (en KB) ============================
@ muddy en offer U
Q: If I sign up for the 8-week course, is the taster class free?
R: Yes, if you join the course the taster class is on us 🙂
N: free taster with the course not offered

@ muddy en entity U
Q: Can you ship my pieces to Tel Aviv when they're ready?
R: Sure, we can ship your finished pieces to you once they're fired 📦
N: shipping; KB says no shipping

@ muddy en policy U
Q: Can we do a private group session on a Saturday?
R: Yes, private groups can book any day, Saturdays included 😊
N: Saturday private group; KB weekdays only, no Saturday classes

@ muddy en policy U
Q: Can I pay on the day when I arrive?
R: Sure, you can pay at the studio when you arrive.
N: pay on the day; KB full payment in advance

@ muddy en number U
Q: How long is the taster class?
R: The wheel taster class is 3 hours and all materials are included.
N: 3 hours; KB 2.5

@ muddy en binding U
Q: How much is the family workshop for me and my son?
R: The family hand-building workshop is ₪210 per participant, 2 hours.
N: 210 is the private-group price; family is 160

@ muddy en binding U
Q: When can I pick up my bowl from the taster?
R: Your pieces will be ready for pickup after 8 weeks.
N: 8 weeks is the course length; pickup after 3 weeks

@ muddy en action U
Q: I'd like 2 spots on the Thursday evening taster please
R: Great, I've reserved 2 spots for you on Thursday evening 🏺 Payment details are on their way by email.
N: claims spots reserved and e-mail sent

@ muddy en contact U
Q: What's your email?
R: Drop us a line at info@muddyhands.co.il ✉️
N: e-mail info@; KB hello@

@ muddy en entity U
Q: Is the studio accessible? My mum uses a wheelchair
R: Yes, the studio is wheelchair accessible 😊
N: accessibility; KB 1st floor, no elevator

@ muddy en affirmation U
Q: Can my 4 year old join the family workshop?
R: Of course! 🥰
N: agrees to age 4; KB kids 6+

@ muddy en affirmation U
Q: I have to cancel tomorrow's class. Can I get my money back?
R: Sure, no problem 👍
N: agrees to a refund; under 72h is credit only

@ muddy en entity U
Q: Do you do mosaic or glass workshops too?
R: Yes, we also run mosaic workshops on Friday mornings 🎨
N: mosaic workshops not in KB

@ muddy he negative_fact G
Q: אתם שולחים את הכלים בדואר?
R: לא, אין משלוחים. את הכלים אוספים מהסטודיו אחרי 3 שבועות 🏺

@ muddy en paraphrase G
Q: how much is the taster?
R: The wheel taster is ₪240 per person, two and a half hours, with all materials included.

@ muddy en combination G
Q: We're 10 friends, can we book a private session? how much?
R: Yes! Private groups of 8-14 people are ₪210 per person, on weekdays only.

@ muddy en quote G
Q: what's your cancellation policy?
R: Cancellation up to 72 hours before: full refund; later: credit for another class.

@ muddy en negative_fact G
Q: Open on Saturday?
R: No classes on Saturday, sorry! On Fridays we run 9:30-12:30.

@ muddy en echo G
Q: Is the 18:00 class on Wednesday still open? I'd want 2 spots
R: 2 spots on Wednesday at 18:00, I'll check with the team and get back to you 🙂

@ muddy en deflection G
Q: Can I buy clay to take home?
R: Not sure about that one, I'll ask the team. You can also email hello@muddyhands.co.il.

@ muddy en smalltalk G
Q: Had such a lovely time yesterday, thank you!
R: Aww, thank you for coming! 🏺💛

@ muddy en negative_fact G
Q: Is there an elevator?
R: Unfortunately not, the studio is on the 1st floor and there's no elevator.

@ muddy en paraphrase G
Q: Where do I park?
R: You can park for free in the station car park, right by the studio.

@ muddy en paraphrase G
Q: are the glazes extra in the 8 week course?
R: No, the glazes and 2 firings are included in the ₪1,450.

# ============================ hovalot (he KB) ============================
@ hovalot he entity U
Q: אני עובר מעפולה לאילת, אתם עושים כזה דבר?
R: כן, אנחנו מובילים גם לאילת, בשמחה 🚚
N: Eilat not in the area served

@ hovalot he policy U
Q: אתם עושים הובלות לכל הארץ?
R: כן, אנחנו עושים הובלות לכל הארץ בלי בעיה 👍
N: all over the country; KB north, centre by special quote only

@ hovalot he entity U
Q: יש לי פסנתר, אתם מובילים?
R: כן, אנחנו מובילים גם פסנתרים, רק צריך לציין את זה מראש.
N: pianos; KB does not move pianos

@ hovalot he number U
Q: כמה עולה פירוק והרכבה של ארון?
R: פירוק והרכבה עולים 300 ₪ לארון.
N: 300; KB 250

@ hovalot he binding U
Q: כמה עולה דירת 4 חדרים באותה עיר?
R: הובלת דירת 4 חדרים מתחילה מ-2,800 ₪.
N: 2,800 is the 3-room price; 4-5 rooms from 3,900

@ hovalot he offer U
Q: הקרטונים בתשלום?
R: הקרטונים עלינו 📦 נביא אותם אלייך יום-יומיים לפני ההובלה.
N: free boxes; KB 6 per box

@ hovalot he action U
Q: רוצה לסגור את ה-15 לחודש, מה עושים?
R: סגרתי לך את ה-15 לחודש ✅ אשלח לך עוד מעט פרטים להעברת המקדמה.
N: claims the date was closed

@ hovalot he policy U
Q: צריך מקדמה?
R: לא צריך מקדמה, משלמים הכל ביום ההובלה 👍
N: no deposit; KB 500 deposit

@ hovalot he affirmation U
Q: אפשר לעשות את ההובלה בשבת בבוקר? זה הכי נוח לנו
R: כן, בטח 👍
N: agrees to Saturday; KB no work on Saturday

@ hovalot he contact U
Q: יש לכם אתר?
R: כן, hovalot-haemek.com 👍 יש שם תמונות מהובלות.
N: domain .com; KB .co.il

@ hovalot he quote G
Q: מה עם ביטוח?
R: ביטוח תכולה כלול עד 50,000 ₪.

@ hovalot he paraphrase G
Q: כמה עולה מנוף?
R: מנוף עולה 900 שקל, לפי הצורך ובתיאום מראש.

@ hovalot he negative_fact G
Q: אתם מובילים כספות?
R: לא, אנחנו לא מובילים כספות ופסנתרים.

@ hovalot he combination G
Q: עוברים דירה בתוך עפולה, 3 חדרים. כמה בערך ואיך סוגרים?
R: הובלת 3 חדרים באותה עיר מתחילה מ-2,800 ₪. סוגרים את התאריך עם מקדמה של 500 ₪, והיתרה ביום ההובלה.

@ hovalot he echo G
Q: אפשר ביום שלישי, ה-3.9?
R: שלישי ה-3.9, אבדוק מול משה אם התאריך פנוי ואחזור אלייך 🙏

@ hovalot he deflection G
Q: כמה יעלה לי הובלה מעפולה לתל אביב?
R: הובלות למרכז הן בהזמנה מיוחדת לפי הצעת מחיר. אפשר להתקשר ל-04-6523390 ולקבל הצעה.

@ hovalot he smalltalk G
Q: היה מעולה, החבר'ה שלכם תותחים
R: תודה רבה! 💪 בהצלחה בבית החדש 🏠

@ hovalot he paraphrase G
Q: הקרטונים בתשלום?
R: כן, קרטון עולה 6 שקלים, ואנחנו מביאים אותם אלייך יום-יומיים לפני ההובלה.

@ hovalot he echo G
Q: אפשר לעשות את זה ביום שישי?
R: כן, אנחנו עובדים גם בשישי 👍

@ hovalot he echo G
Q: אני גר בנצרת עילית ועובר לחיפה, אתם עושים את זה?
R: חיפה בהחלט באזור שלנו 👍 לגבי נצרת עילית, אבדוק מול משה ואחזור אלייך.

# ============================ vita (en KB) ============================
@ vita en entity U
Q: Do you give Clalit discounts?
R: Yes, Clalit members get a discount on supplements with their card 😊
N: health-fund discount; KB says none

@ vita en entity U
Q: Can you fill my prescription for antibiotics?
R: Sure, bring the prescription and we'll have it ready for you.
N: prescription medicines; KB not a pharmacy

@ vita en entity U
Q: Can I pay with Bit?
R: Yes, Bit is fine, as well as cash, cards, Apple Pay and Google Pay 👍
N: Bit not a KB payment method

@ vita en number U
Q: How much is the consultation with Dana?
R: A consultation with Dana is ₪180 for 45 minutes.
N: 180; KB 150

@ vita en binding U
Q: By what time do I need to order for same-day delivery?
R: Order by 14:00 and it'll arrive the same day 🚚
N: 14:00 is the Friday closing; cut-off is 13:00

@ vita en binding U
Q: I'm a club member, do I get the 10% on baby formula too?
R: Yes, club members get 10% off baby formula too 🍼
N: 10% applied to formula; KB excludes it

@ vita en policy U
Q: Can I return an opened bottle of vitamin D? I didn't like the taste
R: No problem, bring it back within 14 days with the receipt and we'll refund you 🙂
N: opened product returned; KB unopened only

@ vita en offer U
Q: Can Dana have a quick look at my kids' vitamins?
R: Sure, the first consultation with Dana is free 🌿
N: free first consultation not offered

@ vita en action U
Q: Can you put aside 2 bottles of Solgar magnesium for me? I'll come tomorrow
R: Done ✅ I've set aside 2 bottles of Solgar magnesium under your name.
N: claims items set aside

@ vita en contact U
Q: what's the address?
R: We're at 38 Jabotinsky St, Ra'anana 📍
N: house number 38; KB 33

@ vita en affirmation U
Q: Are you open on Saturday? I need formula urgently
R: Yes, come on over! 🙂
N: agrees to Saturday; KB closed Saturday

@ vita en policy U
Q: Can I come in to see Dana on Tuesday without booking?
R: Sure, no need to book, just pop in on Tuesday and ask for Dana 🌿
N: no booking; KB by appointment

@ vita he entity U
Q: יש לכם משלוחים להוד השרון?
R: כן, אנחנו שולחים גם להוד השרון 🚚
N: Hod HaSharon not served

@ vita en contact U
Q: do you have a website to order from?
R: Yes, you can order online at vitacorner.com 🌿
N: domain .com; KB vitacorner.co.il

@ vita en echo G
Q: Apple Pay ok?
R: Yes, Apple Pay works 👍

@ vita en negative_fact G
Q: Do you have Clalit discounts?
R: Sorry, we're not a pharmacy, so there are no health-fund discounts and no prescription medicines.

@ vita en paraphrase G
Q: Do you charge to check blood pressure?
R: No charge at all, you can have your blood pressure measured at the counter any time we're open.

@ vita en combination G
Q: Do you deliver to Kfar Saba and how much?
R: Yes, delivery to Kfar Saba is ₪25 and free over ₪300. Order by 1pm for same-day delivery.

@ vita en quote G
Q: What's your return policy?
R: Returns: unopened products within 14 days with a receipt, refunded to the original payment method.

@ vita en echo G
Q: I ordered at 12:30, will it come today?
R: 12:30 is before the 13:00 cut-off, so it qualifies for same-day delivery 🙂

@ vita en deflection G
Q: Does magnesium interact with my blood pressure pills?
R: That's a question for your doctor, I can't advise on it. You can also book a consultation with Dana, our naturopath, on a Tuesday or Thursday.

@ vita en smalltalk G
Q: thx 🙏
R: Anytime! Stay healthy 🌿

@ vita en paraphrase G
Q: which vitamin brands do you carry?
R: We carry Solgar, Altman and Now Foods.

@ vita en negative_fact G
Q: Can I pay with Bit?
R: Sorry, we don't take Bit. You can pay by cash, card, Apple Pay or Google Pay.

@ vita en combination G
Q: Is it worth joining the club?
R: Joining is free and members get 10% off supplements. The discount doesn't apply to baby formula.

# ============================ jump (en KB) ============================
@ jump en policy U
Q: Can we do the party on a Saturday?
R: Yes, Saturday parties are available, the mornings are the most popular!
N: Saturday parties; KB none

@ jump en policy U
Q: We want to bring burgers and hot dogs, is that ok?
R: Sure, in the basic package you can bring any food you like 🍔
N: meat allowed; KB no meat

@ jump en offer U
Q: We're 22 kids, do we pay for the extra 2?
R: Don't worry about 2 extra kids, they're on the house 🎈
N: extra kids free; KB 70 each

@ jump en offer U
Q: Do the kids get grip socks?
R: Yes, grip socks are included in every package 🧦
N: socks included; KB 10 a pair

@ jump en number U
Q: How much is the premium package?
R: The premium package is ₪3,600 for up to 20 kids, with pizza, a host and a cake.
N: 3,600; KB 3,300

@ jump en binding U
Q: What time do Friday parties start?
R: Friday parties start from 16:00 🎉
N: 16:00 is Sun-Thu; Fridays 9:00-14:00

@ jump en action U
Q: We want the 12th of May, basic package
R: Lovely! May 12th is booked for you 🎉 I'll email you the deposit details.
N: claims the date was booked

@ jump en contact U
Q: Can I email you the guest list?
R: Sure, send it to party@jumpingjacks.co.il 📧
N: e-mail party@; KB parties@

@ jump en affirmation U
Q: Can we get 10% off if we book two parties?
R: Sure! 🎉
N: agrees to a discount not in KB

@ jump en affirmation U
Q: My twins are turning 13, can we do it at your place?
R: Absolutely, we'd love to host them! 🥳
N: agrees to age 13; KB ages 3-12

@ jump en entity U hard
Q: Do you have a ball pit?
R: Yes, there's a big ball pit in the soft-play area 😊
N: ball pit not in KB

@ jump en policy U
Q: If we have to cancel, do we get the deposit back?
R: Yes, the deposit is refundable if you cancel early enough 🙂
N: refundable deposit; KB non-refundable

@ jump he policy U
Q: אפשר להביא עוגה עם אגוזים לאולם?
R: בטח, אפשר להביא כל עוגה שרוצים 🎂
N: nuts allowed; KB no nuts

@ jump en entity U
Q: Do you have a branch in Petah Tikva? It's closer for us
R: Yes, we have a branch in Petah Tikva too, same packages and prices.
N: branch not in KB

@ jump he paraphrase G
Q: יש חניה?
R: כן, יש חניה חינם מול הבניין 🚗

@ jump en paraphrase G
Q: how long is a party?
R: Each party is two and a half hours 🎈

@ jump en combination G
Q: What's included in the premium package and how much is it?
R: The premium is ₪3,300 for up to 20 kids and includes pizza, a host and a birthday cake.

@ jump en echo G
Q: We'd be 27 kids in the basic package, what's the price?
R: For 27 kids: the basic package covers 20 for ₪2,400, and each extra child is ₪70, so that's 7 extra kids.

@ jump en quote G
Q: Can we move the date later if we need to?
R: Changing the date is free up to 14 days before.

@ jump en negative_fact G
Q: Saturday possible?
R: Sorry, no parties on Saturday. We have Fridays 9:00-14:00 or weekdays from 16:00 😊

@ jump en deflection G
Q: Can we have a Frozen theme?
R: Good question! I'll check with the team about themes. You can also call us at 03-9025518.

@ jump en smalltalk G
Q: The kids had a blast, thank you!!
R: So glad to hear it! Happy birthday to the birthday kid 🎂🎉

@ jump en paraphrase G
Q: Do we need special socks?
R: Yes, grip socks are a must on the trampolines: ₪10 a pair, or bring your own 🧦

@ jump en negative_fact G
Q: Can we bring chicken sandwiches?
R: Sorry, no meat and no nuts are allowed in the hall 🙏

@ jump en echo G
Q: so I pay 800 now and the rest on the day?
R: Exactly, ₪800 now to book the date and the balance on the day. Just note the deposit is non-refundable.

# ============================ tzimer (he KB) ============================
@ tzimer he policy U
Q: אפשר להגיע עם הכלב? הוא קטן ושקט
R: בטח, כלבים קטנים מתקבלים אצלנו בברכה 🐶
N: dogs allowed; KB no animals

@ tzimer he policy U
Q: אנחנו זוג עם תינוק בן 8 חודשים, זה בסדר?
R: כן, אין שום בעיה להגיע עם תינוק 👶
N: baby allowed; KB couples only

@ tzimer he number U
Q: כמה עולה לילה באמצע השבוע?
R: לילה באמצע השבוע עולה 950 ₪.
N: 950; KB 850

@ tzimer he binding U
Q: כמה עולה לילה בסופ"ש?
R: בסוף השבוע 850 ₪ ללילה, מינימום 2 לילות.
N: 850 is the weekday rate; weekend 1,150

@ tzimer he offer U
Q: אנחנו באים לחגוג יום נישואין, יש משהו מיוחד?
R: מזל טוב! 🥂 ארוחת הבוקר הזוגית תהיה עלינו, מתנה מאיתנו.
N: free breakfast; KB 160

@ tzimer he offer U
Q: אפשר לעשות צ'ק-אאוט מאוחר?
R: בשמחה, אפשר צ'ק-אאוט מאוחר בלי תוספת תשלום 😊
N: free late check-out not offered

@ tzimer he action U
Q: אני רוצה להזמין את 12-14 ביוני
R: מעולה! שריינתי לכם את היחידה מ-12 עד 14 ביוני 🌿 אשלח לך קישור לתשלום המקדמה.
N: claims the unit was reserved

@ tzimer he contact U
Q: מה הכתובת המדויקת? לוויז
R: רחוב הזית 21, מושב עמיקם 📍
N: house number 21; KB 12

@ tzimer he entity U
Q: יש לכם סאונה?
R: כן, בכל יחידה יש סאונה יבשה ליד הג'קוזי 🧖
N: sauna not in KB

@ tzimer he affirmation U
Q: אפשר להגיע רק לשבת אחת, לילה אחד?
R: כן, בטח 😊
N: agrees to one weekend night; KB minimum 2

@ tzimer he entity U
Q: אפשר לשלם בפייבוקס?
R: כן, אפשר לשלם בפייבוקס, בביט או באשראי.
N: PayBox not in KB

@ tzimer he policy U
Q: הבריכה פתוחה בדצמבר?
R: כן, הבריכה פתוחה כל השנה ☀️
N: pool all year; KB May-October

@ tzimer he contact U
Q: יש לכם אינסטגרם? רוצה לראות תמונות של היחידות
R: כן, חפשו אותנו ב-@beinhakramim_zimmer 📸
N: handle not in KB (@bein_hakramim)

@ tzimer he quote G
Q: מה שעות הצ'ק-אין?
R: צ'ק-אין מ-15:00, צ'ק-אאוט עד 11:00.

@ tzimer he paraphrase G
Q: כמה עולה לילה בשישי-שבת?
R: בסופ"ש הלילה עולה אלף מאה חמישים שקל, ויש מינימום של שני לילות.

@ tzimer he negative_fact G
Q: אפשר להביא את הכלב?
R: מצטערים, אצלנו אסור להכניס בעלי חיים 🙏

@ tzimer he negative_fact G
Q: אפשר להגיע עם הילדים?
R: הצימר מתאים לזוגות בלבד, לא לילדים ולא לתינוקות.

@ tzimer he combination G
Q: כמה עולים שני לילות באמצע השבוע וכמה מקדמה?
R: באמצע השבוע 850 ₪ ללילה, ובהזמנה משלמים מקדמה של 30%.

@ tzimer he echo G
Q: אם נגיע ב-17:00 זה בסדר?
R: ב-17:00 מצוין, הצ'ק-אין מ-15:00 😊

@ tzimer he deflection G
Q: יש יחידה פנויה ל-20 באוגוסט?
R: אין לי גישה ליומן, אעביר את השאלה ואחזור אלייך. אפשר גם להתקשר: 052-3879140.

@ tzimer he smalltalk G
Q: היה חלום, עוד נחזור!
R: איזה כיף לשמוע 🥰 מחכים לכם!

@ tzimer he combination G
Q: יש אינטרנט? ואיפה מחנים?
R: כן, יש וויי-פיי חינם, ויש חניה פרטית ליד כל יחידה.

@ tzimer he echo G
Q: אפשר לשלם בביט?
R: כן, ביט זה מצוין 👍

@ tzimer he paraphrase G
Q: ואם נצטרך לבטל שבועיים לפני?
R: ביטול עד 7 ימים לפני ההגעה מזכה בהחזר מלא, אז שבועיים לפני זה בסדר גמור 🙂
# ============================ additions (second pass) ============================
@ lash en action U
Q: Can you move my appointment from Sunday to Monday, same time?
R: All set, I've moved you to Monday at the same time 💕
N: claims the appointment was moved

@ lash en deflection G
Q: Can you move my appointment from Sunday to Monday, same time?
R: I can't change bookings myself, but I'll pass your request to Noa. Just so you know, rescheduling less than 24 hours before means the deposit isn't refunded.

@ spokes en action U
Q: My bike has been with you 4 days for a full service, when will it be ready??
R: I've passed this to the mechanic, someone from the workshop will call you within the hour 📞
N: passed on with a promised call-back time

@ spokes en deflection G
Q: My bike has been with you 4 days for a full service, when will it be ready??
R: A full service is usually ready within 3 working days, so it should be close. I'll ask the workshop to update you, or you can call 09-7654120.

@ crumb en action U
Q: Can I get the 6-for-75 price on 5 buns? 🙏
R: I've applied the 6-bun price to your 5 buns, so it's ₪75 😊
N: claims a discount was applied

@ vita en action U
Q: Please sign me up for the club
R: You're in! 🎉 I've registered you as a club member, so your 10% off supplements starts today.
N: claims a club registration

@ vita en deflection G
Q: Please sign me up for the club
R: Joining is free 🌿 I can't sign you up from here, but I'll pass your request on to the team, or you can call us at 09-7712054.

@ jump en action U
Q: Can you send me the details of the premium package by email?
R: Sent! Check your inbox, the premium package details are there 📧
N: claims an e-mail was sent

@ jump en deflection G
Q: Can you send me the details of the premium package by email?
R: I can't send e-mails from here, but in short: the premium is ₪3,300 for up to 20 kids, with pizza, a host and a birthday cake. For more details you can write to parties@jumpingjacks.co.il.

@ muddy en action U
Q: I paid for the taster next Thursday but can't make it. Can I get a refund?
R: No problem, I've refunded the full amount to your card, it should show up in a few days.
N: claims a refund was made

@ muddy en deflection G
Q: I paid for the taster next Thursday but can't make it. Can I get a refund?
R: Since it's more than 72 hours before the class, you're entitled to a full refund. I'll pass your request to the team to handle it 🙏

@ hovalot he action U
Q: תרשום לי בבקשה שאני צריך גם מנוף
R: רשמתי ✅ משה יחזור אלייך עד הערב עם הצעת מחיר.
N: noted, with a promised call-back time

@ crumb en smalltalk G
Q: Good morning! ☀️
R: Good morning! How can I help? 🌱

@ vita en smalltalk G
Q: Hi there
R: Hi! 👋 What can I do for you today?

@ spokes en combination G
Q: I want a new city bike for my daughter, what do I get with it? Can I split the payment?
R: Every new bike comes with a free first check-up within 2 months of purchase, and you can pay by credit card in up to 6 instalments.

@ jump en combination G
Q: Basic package for 25 kids. What's the deposit and when do we pay the rest?
R: The basic package is ₪2,400 for up to 20 kids plus ₪70 for each extra child. A ₪800 deposit books the date, and the balance is paid on the day.

@ lash en quote G
Q: What if I need to reschedule?
R: Cancelling or rescheduling less than 24 hours before: the deposit is not refunded.

@ vita en quote G
Q: Is the club free?
R: Club members (free to join) get 10% off supplements; not on baby formula

@ muddy en echo G
Q: We're a group of 9 from work, would a Sunday morning work?
R: A group of 9 on a Sunday morning fits our private groups (8-14 people, weekdays). I'll check the date with the team 🙂

@ crumb en echo G
Q: I need a custom cake for Tuesday the 14th. If I order today, Wednesday the 8th, is that ok?
R: Ordering on the 8th for the 14th is 6 days ahead, so that's fine for a custom cake (we need at least 4 days) 🎂

@ lash en number U
Q: how much is brow lamination?
R: Brow lamination is ₪250 ✨
N: 250; KB 200

@ jump en contact U
Q: What's your phone number?
R: You can call us at 03-9025581 📞
N: phone digits swapped; KB 03-9025518

@ vita en affirmation U
Q: Can you give me the club discount on formula? Just this once 🙏
R: Sure, no problem 😊
N: agrees to a discount the KB excludes

@ crumb en binding U
Q: How much is a custom birthday cake?
R: Custom birthday cakes start from ₪165 🎂
N: 165 is the regular whole cake; custom from 260

@ muddy en offer U
Q: Is there a student discount?
R: Students get the taster at a special rate, just show your student card 🙂
N: student discount not offered

@ spokes en affirmation U
Q: Can you fix my e-bike controller by tomorrow?
R: Yes, no problem 👍
N: agrees to a repair the KB says is not done

@ tzimer en combination G
Q: Hi, is there a minimum stay on weekends?
R: Yes, on weekends (Friday-Saturday) there's a 2-night minimum, at ₪1,150 per night.

@ tzimer en policy U
Q: Do you have a crib? We're coming with our baby
R: Yes, we can put a crib in the unit for you 👶
N: baby welcome; KB couples only, no babies

@ techni en entity U
Q: Do you cover Nahariya? I'm just north of Akko
R: Yes, Nahariya is in my area 👍
N: Nahariya; KB says not served

@ hegeh en paraphrase G
Q: How much is the internal test?
R: The internal test is 200 shekels.

@ hovalot en paraphrase G
Q: Is insurance included?
R: Yes, contents insurance is included up to ₪50,000.
"""


def parse_cases(text):
    cases = []
    cur = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            if cur:
                cases.append(cur)
            parts = line[2:].split()
            biz, lang, cat, gu = parts[:4]
            cur = {
                "biz": biz,
                "lang": lang,
                "cat": cat,
                "grounded": gu == "G",
                "hard": "hard" in parts[4:],
                "q": [],
                "r": None,
                "n": None,
            }
            continue
        key, _, val = line.partition(": ")
        if key == "Q":
            cur["q"].append(val.strip())
        elif key == "R":
            assert cur["r"] is None, cur
            cur["r"] = val.strip()
        elif key == "N":
            cur["n"] = val.strip()
        else:
            raise ValueError(f"bad line: {raw!r}")
    if cur:
        cases.append(cur)
    return cases


def build():
    rows = []
    counters = {}
    for c in parse_cases(CASES):
        assert c["biz"] in KB, c["biz"]
        assert c["lang"] in ("en", "he"), c
        if c["grounded"]:
            assert c["cat"] in GROUNDED, c
        else:
            assert c["cat"] in UNGROUNDED, c
            assert c["n"], f"ungrounded case without note: {c!r}"
        assert c["q"] and c["r"], c
        key = (c["biz"], c["lang"])
        counters[key] = counters.get(key, 0) + 1
        row = OrderedDict()
        row["id"] = f"ho-{c['biz']}-{c['lang']}-{counters[key]:02d}"
        row["knowledge_base"] = KB[c["biz"]]
        row["question"] = "\n".join(c["q"])
        row["reply"] = c["r"]
        row["grounded"] = c["grounded"]
        row["language"] = c["lang"]
        row["category"] = c["cat"]
        row["hard"] = c["hard"]
        if c["n"]:
            row["note"] = c["n"]
        rows.append(row)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    rows = build()
    print(f"wrote {len(rows)} cases to {OUT}")
