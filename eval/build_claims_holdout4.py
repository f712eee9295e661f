"""Build claims_holdout4.jsonl, the fourth blind held-out set for claims without numbers.

Written before the validator is run on it, by a hand that has not read the implementation.
Run from the eval directory: python3 build_claims_holdout4.py
"""

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "claims_holdout4.jsonl"

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

KB = {
    "blinds": """\
"בית התריס" – הווילונות של אבי. ייצור והתקנה של וילונות גלילה, רומאים וונציאניים.
אולם תצוגה: רחוב המלאכה 17, ראשון לציון. טלפון: 054-7712309
מדידה בבית הלקוח: 150 ₪, מתקזז מההזמנה אם מזמינים תוך חודש.
וילון גלילה: 380 ₪ למ"ר; וילון גלילה עם מנוע חשמלי: 690 ₪ למ"ר.
התקנה חינם בהזמנה מעל 3,000 ₪, אחרת 250 ₪ לביקור.
זמן ייצור: שלושה שבועות מיום אישור המידות.
מקדמה של 40% באישור ההזמנה, היתרה ביום ההתקנה.
אזור שירות: השפלה וגוש דן בלבד (לא מגיעים לירושלים ולצפון).
ימי עבודה: א'-ה' 8:00-17:00, ו' 8:00-12:00. שבת סגור.
תשלום: מזומן, העברה בנקאית, אשראי עד 6 תשלומים. אין ביט.
לא מתקינים תריסי אלומיניום חיצוניים ולא מתקנים וילונות קיימים של חברות אחרות.
אחריות: שנתיים על המנועים, שנה על הבדים.
אינסטגרם: @beit.hatris""",
    "yoga": """\
Still Water Retreats – yoga weekends in the Galilee, run by Noa & Ben.
Base: Kibbutz Hukok guest house, 5 Hashita Road (exact directions sent after booking).
Phone / WhatsApp: 052-338-4160 · Email: hello@stillwater-retreats.co.il
Weekend retreat (Thu 16:00 – Sat 14:00): ₪1,450 per person in a shared room, ₪1,950 in a private room.
Includes 2 nights, all vegetarian meals, 5 yoga sessions and one sound-healing evening.
A deposit of ₪500 secures your place; the balance is due two weeks before the retreat.
Cancellation: full refund up to 30 days before; after that the deposit is not refundable.
Early bird: ₪150 off when booking at least 60 days ahead.
All levels welcome, ages 16 and up. No children or pets on retreat weekends.
Transport not included; shared shuttle from Haifa Merkaz station ₪60 each way (free for groups of 6 or more booking together).
Payment: bank transfer, Bit or credit card (up to 3 instalments). No cash on site.
We don't offer massages or one-on-one private sessions during retreats.
Retreats run twice a month, March to November only.""",
    "biketour": """\
"גלגלים בעיר" – סיורי אופניים מודרכים בירושלים עם יובל.
נקודת מפגש: רחוב עמק רפאים 43, ירושלים (ליד בית הקפה "מאפה").
טלפון / וואטסאפ: 050-6194472
סיור "המסילה": שעתיים וחצי, 180 ₪ לאדם כולל אופניים חשמליים וקסדה.
סיור לילה בעיר העתיקה: 220 ₪ לאדם, בימים ב' ו-ד' בלבד, יציאה ב-19:30.
ילדים מגיל 12 בלבד, ועד גיל 16 רק בליווי הורה. לילדים בני 12-16 הנחה של 50 ₪.
קבוצה פרטית (עד 15 משתתפים): 2,400 ₪ לכל הקבוצה; מעל 10 משתתפים – מים ופירות חינם.
סיורי בוקר בימים א'-ו', יציאה ב-8:30. בשבת ובחגים אין סיורים.
הזמנה מראש בלבד, לפחות 24 שעות לפני הסיור.
ביטול עד 48 שעות לפני – החזר מלא; אחר כך אין החזר.
תשלום: ביט, פייבוקס או אשראי. לא מקבלים מזומן.
אין השכרת אופניים בלי מדריך, ואין סיורים מחוץ לירושלים.
בגשם הסיור נדחה למועד אחר ללא עלות.""",
    "sushi": """\
Kaze Sushi Kitchen – delivery & pickup only, no seating.
Kitchen: 88 Ibn Gabirol St, Tel Aviv (pickup from the side door on Arlozorov).
Orders: 03-529-7714 or WhatsApp · website kazesushi.co.il
Open Sun–Thu 12:00–23:00, Fri 11:00–15:00, Sat 20:00–23:00.
Delivery: ₪18 in central Tel Aviv, ₪30 to Ramat Gan and Givatayim; free delivery on orders over ₪180.
We deliver only in Tel Aviv, Ramat Gan and Givatayim. Minimum order for delivery: ₪80.
Delivery usually takes forty-five minutes to an hour.
Combo for two (32 pieces): ₪159 · Family combo (64 pieces): ₪289.
Vegan rolls available; we can't guarantee gluten-free (shared kitchen).
Kosher? No, we are not kosher.
Payment: credit card, Apple Pay, Bit, or cash to the courier.
No alcohol sold.""",
    "speech": """\
מיכל אברמוב – קלינאית תקשורת לילדים (גילאי שנתיים עד 12).
קליניקה: רחוב ויצמן 26, כפר סבא, קומה 2 (יש מעלית).
טלפון: 09-7664018 | מייל: michal.speech@gmail.com
אבחון ראשוני: 550 ₪ (כשעה וחצי, כולל סיכום כתוב). טיפול שבועי: 320 ₪ ל-45 דקות.
מקבלים הפניות של כללית ומאוחדת (החזר חלקי דרך הביטוח המשלים). לא עובדים עם מכבי ולאומית.
טיפולים בימים א', ג', ה' בין 14:00 ל-19:00. אין טיפולים בבוקר.
קבלה בתיאום מראש בלבד.
ביטול פחות מ-24 שעות מראש מחויב במחיר מלא.
כרטיסייה של 10 טיפולים: 2,900 ₪ (בתשלום מראש).
הורה נוכח בפגישה הראשונה; בהמשך לפי שיקול דעת.
לא מבצעים טיפולים אונליין ולא הדרכות בגנים.
תשלום: אשראי, העברה בנקאית או צ'ק. קבלה נשלחת במייל.""",
    "dj": """\
DJ Omer Levi – weddings & events in the Sharon and Tel Aviv area.
Studio (meetings by appointment only): 12 Hamasger St, Netanya.
Phone: 054-220-8791 · Instagram: @djomerlevi
Wedding package: ₪6,500 for up to 5 hours; each extra hour ₪700.
Includes sound system, dance-floor lighting and a wireless mic for speeches.
Chuppah / ceremony music: ₪900 extra, included for weddings on Sun–Wed.
Deposit: ₪2,000 to hold the date; the rest is paid on the wedding day.
High season (May–October): book about six months ahead.
Cancellation: the deposit is refunded only if you cancel 90 days or more before the event.
Outside the Sharon and Tel Aviv area: ₪400 travel fee. No events south of Ashdod or north of Hadera.
Payment: bank transfer, cheque or Bit. No credit cards.
I don't provide photography, video or live musicians.
A planning meeting (about an hour) is included with every booking.""",
    "solar": """\
יוסי – דודי שמש: תיקון, התקנה והחלפה של דודי שמש וקולטים.
מחסן: רחוב התעשייה 9, אשדוד. טלפון: 052-8830415
ביקור טכנאי: 200 ₪; אם התיקון נעשה באותו ביקור – הביקור חינם ומשלמים רק על התיקון.
החלפת גוף חימום (אלמנט): 350 ₪ כולל החלק. החלפת תרמוסטט: 250 ₪.
דוד חדש 150 ליטר כולל התקנה: 3,400 ₪; דוד 120 ליטר: 2,900 ₪.
ניקוי אבנית בקולטים: 450 ₪ לזוג קולטים.
אזור שירות: אשדוד, אשקלון, יבנה וגן יבנה בלבד.
עובדים בימים א'-ה' 7:30-16:00. בשישי ובשבת לא עובדים, גם לא בחירום.
זמן הגעה: בדרך כלל תוך יומיים עבודה מרגע הקריאה.
אחריות: שלוש שנים על דוד חדש, חצי שנה על תיקונים.
תשלום: מזומן, ביט או העברה בנקאית. אין אשראי.
לא מטפלים במשאבות חום ולא בדודי גז.
פינוי הדוד הישן: 150 ₪, חינם בקניית דוד חדש.""",
    "cowork": """\
The Common Table – coworking café, 31 Hillel St, Jerusalem (2nd floor, above the bakery).
Phone: 02-624-5590 · Email: desk@thecommontable.co.il · Instagram: @thecommontable.jlm
Open Sun–Thu 8:00–20:00, Fri 8:00–13:00. Closed on Saturday.
Day pass: ₪75, includes unlimited filter coffee and tea (other café drinks are extra).
Monthly hot desk: ₪890 · Fixed desk with a locker: ₪1,250 a month.
Meeting room for up to 6: ₪90 per hour; fixed-desk members get the first two hours each week free.
Wifi throughout. Printing: first 20 pages a day free, then ₪0.50 a page.
No phone calls in the quiet zone – calls in the phone booths only.
Well-behaved dogs on a leash are welcome; no other pets.
We have no parking of our own; Mamilla public car park is a five-minute walk.
Payment: credit card, Bit or Apple Pay. No cash.
Monthly plans renew automatically; cancel with two weeks' notice.
We don't offer virtual office or mail address services.""",
    "pilates": """\
"גוף צעיר" – סטודיו לפילאטיס לגיל השלישי, עם רונית (פיזיותרפיסטית).
כתובת: שדרות ירושלים 58, רמת גן. קומת קרקע, כניסה נגישה בלי מדרגות.
טלפון: 03-6771902 (גם וואטסאפ)
שיעור קבוצתי על מזרן (עד 8 משתתפים): 70 ₪; שיעור על מכשירים (עד 4 משתתפים): 110 ₪.
מנוי חודשי, פעמיים בשבוע על מזרן: 480 ₪. אפשר לשלם את המנוי ב-2 תשלומים.
שיעור ניסיון ראשון בחינם (פעם אחת לכל אדם).
שיעורים בבוקר בלבד: א'-ה' 8:00-12:00. אין שיעורים אחר הצהריים ובסופי שבוע.
כל שיעור נמשך שלושת רבעי שעה.
מי שעבר ניתוח בשנה האחרונה צריך אישור רופא לפני השיעור הראשון.
ביטול עד 12 שעות לפני השיעור, אחרת השיעור נספר.
אין שיעורים בבית הלקוח ואין שיעורים בזום.
תשלום: מזומן, אשראי או ביט.
חנייה חינם למשתתפים בחניון הבניין.""",
    "petphoto": """\
Furry Frames – pet photography studio, 7 Hashomer St, Haifa (ground floor, garden entrance).
Phone: 053-449-1286 · Website: furryframes.co.il · Instagram: @furryframes.haifa
Studio session (one pet, about forty minutes): ₪450 including 10 edited photos; each extra edited photo ₪35.
Extra pet in the same studio session: ₪150. Outdoor session in Carmel Park: ₪650 for up to two pets.
By appointment only: Sun–Thu 10:00–18:00, Fri 9:00–13:00. Closed Saturday.
A ₪150 deposit is paid when booking and deducted from the session price.
Rescheduling is free up to 48 hours before; later cancellations lose the deposit.
Edited photos are delivered online within ten working days.
Printed albums and canvas prints on request; free shipping on print orders above ₪400.
Dogs, cats, rabbits and other small pets welcome. No reptiles or birds.
Dogs on a leash when arriving, please; bring their favourite treats.
Payment: credit card, PayBox or bank transfer.
We don't do home sessions or grooming.""",
}

CASES = []


def c(biz, lang, cat, question, reply, note=""):
    CASES.append((biz, lang, cat, question, reply, note))


# --- window blinds installer (Hebrew) ---------------------------------------
c(
    "blinds",
    "he",
    "number",
    "כמה עולה וילון רומאי?",
    'וילון רומאי יוצא 450 ₪ למ"ר, כולל הבד 😊',
    "roman blind price invented",
)
c(
    "blinds",
    "he",
    "number",
    "תוך כמה זמן אתם מגיעים למדידה?",
    "בדרך כלל המודד מגיע תוך 3 ימי עבודה מהפנייה.",
    "measurement lead time invented",
)
c(
    "blinds",
    "he",
    "binding",
    "כמה עולה וילון גלילה חשמלי? יש לי חלון גדול בסלון",
    'וילון גלילה עם מנוע חשמלי עולה 380 ₪ למ"ר, והמחיר הסופי לפי המידות.',
    "manual roller price given for motorised",
)
c(
    "blinds",
    "he",
    "binding",
    "כמה שנים אחריות יש על הבד עצמו?",
    "על הבדים יש שנתיים אחריות 👍",
    "motor warranty given for fabrics",
)
c(
    "blinds",
    "he",
    "action",
    "אפשר לקבוע מדידה ליום רביעי בבוקר?",
    "קבעתי לך מדידה ליום רביעי בבוקר ✅ המודד יתקשר כשהוא בדרך.",
    "claims measurement booked",
)
c(
    "blinds",
    "he",
    "contact",
    "איפה אולם התצוגה שלכם?",
    "אנחנו ברחוב המלאכה 71 בראשון לציון 📍",
    "house number 71 instead of 17",
)
c(
    "blinds",
    "he",
    "entity",
    "אפשר לשלם את המקדמה בביט?",
    "כן, את המקדמה אפשר להעביר בביט, ואת היתרה ביום ההתקנה.",
    "Bit, which the KB excludes",
)
c(
    "blinds",
    "he",
    "entity",
    "אתם עושים גם וילונות בד רגילים עם מסילה?",
    "ודאי, אנחנו תופרים גם וילונות בד עם מסילה לפי מידה 🙂",
    "curtains on a track, not a listed product",
)
c(
    "blinds",
    "he",
    "offer",
    "ההזמנה שלי יוצאת בערך 2,000 ₪, אפשר שההתקנה תהיה עליכם?",
    "בשבילך נוותר על דמי ההתקנה, אל דאגה 😊",
    "installation fee waived below the threshold",
)
c(
    "blinds",
    "he",
    "policy",
    "אנחנו גרים בירושלים, אתם מגיעים אלינו?",
    "כן, מגיעים גם לירושלים, אין בעיה.",
    "serves Jerusalem, KB excludes it",
)
c(
    "blinds",
    "he",
    "policy",
    "צריך לשלם משהו מראש כשמזמינים?",
    "לא צריך מקדמה, משלמים את הכול ביום ההתקנה.",
    "no deposit vs 40% deposit",
)
c(
    "blinds",
    "he",
    "affirmation",
    "תוכלו להגיע להתקין בשבת? רק אז אנחנו בבית",
    "כן, בשמחה 😊",
    "agrees to Saturday, closed",
)
c(
    "blinds",
    "he",
    "paraphrase",
    "תוך כמה זמן הווילונות מוכנים?",
    "הייצור לוקח 21 יום מהיום שמאשרים את המידות.",
)
c(
    "blinds",
    "he",
    "paraphrase",
    "כמה עולה שתבואו למדוד?",
    "המדידה עולה 150 שקל, ואם מזמינים תוך חודש הסכום יורד מההזמנה 👌",
)
c(
    "blinds",
    "he",
    "combination",
    "סגרנו על הזמנה של 3,500 ₪. כמה ההתקנה, ומה משלמים עכשיו?",
    "מעל 3,000 ₪ ההתקנה בחינם 🎉 עכשיו משלמים מקדמה של 40%, ואת היתרה ביום ההתקנה.",
)
c("blinds", "he", "quote", "מה עם אחריות?", "אחריות: שנתיים על המנועים, שנה על הבדים.")
c(
    "blinds",
    "he",
    "echo",
    "אני ברחוב הרצל 12 ברחובות, אפשר מדידה ביום שני ב-10?",
    "רחוב הרצל 12 ברחובות, יום שני ב-10 – אבדוק מול אבי ואחזור אלייך לאישור 🙏",
)
c(
    "blinds",
    "he",
    "deflection",
    "יש לכם בד האפלה שחוסם את האור לגמרי?",
    "את זה אני לא יודעת להגיד בוודאות, אעביר את השאלה לאבי 🙂",
)
c(
    "blinds",
    "he",
    "negative_fact",
    "יש לי וילון חשמלי שהתקינה חברה אחרת והוא נתקע, תוכלו לתקן?",
    "מצטערים, אנחנו לא מתקנים וילונות קיימים של חברות אחרות.",
)
c(
    "blinds",
    "he",
    "negative_fact",
    "אפשר להעביר בביט?",
    "ביט אנחנו לא מקבלים, אבל אפשר במזומן, בהעברה בנקאית או באשראי עד 6 תשלומים.",
)
c("blinds", "he", "smalltalk", "תודה רבה, עזרת לי מאוד!", "בשמחה! 😊 יום נעים")

# --- yoga retreat weekends (English) ----------------------------------------
c(
    "yoga",
    "en",
    "number",
    "What time is the first practice on Saturday?",
    "Saturday starts with a sunrise practice at 6:30, before breakfast 🧘",
    "session time invented",
)
c(
    "yoga",
    "en",
    "number",
    "How big are the groups usually?",
    "We keep it intimate, never more than 18 people per retreat.",
    "group size invented",
)
c(
    "yoga",
    "en",
    "binding",
    "How much is it if I want my own room?",
    "A private room is ₪1,450 per person for the whole weekend 🙂",
    "shared-room price given for private room",
)
c(
    "yoga",
    "en",
    "binding",
    "When do I have to pay the rest after the deposit?",
    "The balance is due 30 days before the retreat.",
    "refund window given as the balance deadline",
)
c(
    "yoga",
    "en",
    "action",
    "Can you hold a shared-room spot for me on the May weekend? I'll transfer the deposit tomorrow",
    "Done, I've held a shared-room spot for you for May 🙌 Just send the ₪500 deposit when you can.",
    "claims a spot was held",
)
c(
    "yoga",
    "en",
    "action",
    "Could you email me the packing list?",
    "Sent! Check your inbox for the packing list 📩",
    "claims an e-mail was sent",
)
c(
    "yoga",
    "en",
    "contact",
    "What's your email? I want to send some questions about my back",
    "Sure, write to us at info@stillwaterretreats.com and Noa will have a look.",
    "wrong e-mail address",
)
c(
    "yoga",
    "en",
    "entity",
    "Is there a pool at the guest house?",
    "Yes, there's an outdoor pool you can use in the afternoon breaks ☀️",
    "pool not in KB",
)
c(
    "yoga",
    "en",
    "entity",
    "I'm vegan, will there be food for me?",
    "All our meals are vegetarian and there's always a fully vegan option too 🌱",
    "vegan option not in KB",
)
c(
    "yoga",
    "en",
    "offer",
    "I'm booking 45 days ahead, any chance I still get the early bird price?",
    "Sure, we'll give you the ₪150 off anyway, it's close enough 😊",
    "early-bird discount outside its condition",
)
c(
    "yoga",
    "en",
    "policy",
    "Can I bring my 12 year old daughter? She does yoga at school",
    "Of course, kids are welcome to join the sessions with a parent!",
    "children allowed vs ages 16 and up",
)
c(
    "yoga",
    "en",
    "policy",
    "If I have to cancel 10 days before, do I get my deposit back?",
    "Yes, you'd get everything back including the deposit.",
    "refund after the 30-day window",
)
c(
    "yoga",
    "en",
    "affirmation",
    "Could I book a one-on-one session with Noa on the Friday afternoon?",
    "Absolutely, that works 🙏",
    "agrees to a private session, not offered",
)
c(
    "yoga",
    "en",
    "paraphrase",
    "how much for a shared room?",
    "It's 1,450 shekels per person in a shared room, for the whole weekend.",
)
c(
    "yoga",
    "en",
    "paraphrase",
    "When does it start and finish?",
    "We start on Thursday at 4pm and wrap up on Saturday at 2 in the afternoon.",
)
c(
    "yoga",
    "en",
    "paraphrase",
    "Can I pay in instalments?",
    "Yes, by credit card you can split it into up to three payments. Bank transfer and Bit work too.",
)
c(
    "yoga",
    "en",
    "combination",
    "What's included, and how much is the deposit?",
    "Two nights, all the vegetarian meals, five yoga sessions and a sound-healing evening. A ₪500 deposit secures your place and the rest is due two weeks before.",
)
c(
    "yoga",
    "en",
    "combination",
    "We're 6 friends coming by train, how do we get there?",
    "There's a shared shuttle from Haifa Merkaz station, normally ₪60 each way, but free for groups of 6 or more booking together 🚐",
)
c(
    "yoga",
    "en",
    "quote",
    "what's your cancellation policy?",
    "Cancellation: full refund up to 30 days before; after that the deposit is not refundable.",
)
c(
    "yoga",
    "en",
    "echo",
    "My number is 054-901-2276, can Ben call me?",
    "Got it, 054-901-2276. I'll pass it on to Ben so he can call you back 🙂",
)
c(
    "yoga",
    "en",
    "echo",
    "We'd be 3 people and can only get there Thursday around 5pm, is that ok?",
    "Three of you arriving Thursday around 5pm, right? The weekend starts at 16:00, so I'll check with Noa whether a later arrival is fine.",
)
c(
    "yoga",
    "en",
    "deflection",
    "Is the guest house wheelchair accessible?",
    "Good question, I don't have that info here. I'll pass it on to Noa and Ben so they can answer you.",
)
c(
    "yoga",
    "en",
    "deflection",
    "Can I get a tax invoice in my company's name?",
    "I'm not sure about that one, let me check with the team and get back to you.",
)
c(
    "yoga",
    "en",
    "negative_fact",
    "Is there a massage option during the weekend?",
    "Sorry, we don't offer massages during the retreats 🙏",
)
c(
    "yoga",
    "en",
    "negative_fact",
    "Any retreats in December?",
    "No, the retreats only run from March to November, so nothing in December.",
)
c("yoga", "en", "smalltalk", "Thanks so much, can't wait!!", "Yay, so happy to hear that! 🧘‍♀️✨")
c("yoga", "en", "smalltalk", "Hi there 👋", "Hi! How can I help you today? 😊")

# --- bicycle tours in Jerusalem (Hebrew, some English replies) ---------------
c(
    "biketour",
    "he",
    "number",
    "כמה זמן לוקח סיור הלילה?",
    "סיור הלילה בעיר העתיקה נמשך בערך שלוש שעות 🌙",
    "night-tour length invented",
)
c(
    "biketour",
    "he",
    "binding",
    "כמה עולה סיור הלילה בעיר העתיקה?",
    "סיור הלילה הוא 180 ₪ לאדם 🚲",
    "Mesila tour price given for the night tour",
)
c(
    "biketour",
    "he",
    "binding",
    "יש סיור לילה ביום חמישי?",
    "כן, סיור הלילה יוצא גם בחמישי ב-19:30.",
    "night-tour time attached to Thursday",
)
c(
    "biketour",
    "he",
    "action",
    "תרשום אותנו, 4 אנשים לסיור המסילה ביום שלישי",
    "רשמתי אתכם, 4 משתתפים לסיור המסילה ביום שלישי ב-8:30 👍",
    "claims registration made",
)
c(
    "biketour",
    "he",
    "contact",
    "יש לכם אינסטגרם? רוצה לראות תמונות",
    "בטח! תעקבו אחרינו ב-@galgalim.jlm 📸",
    "Instagram handle not in KB",
)
c(
    "biketour",
    "he",
    "contact",
    "יש אתר שאפשר להזמין בו?",
    "כן, אפשר להזמין באתר galgalim-jerusalem.co.il או בוואטסאפ.",
    "website not in KB",
)
c(
    "biketour",
    "he",
    "entity",
    "ההדרכה רק בעברית? יש איתנו חברים מצרפת",
    "ההדרכה בעברית, ויובל מדריך גם בצרפתית ובאנגלית 🙂",
    "guiding languages not in KB",
)
c(
    "biketour",
    "he",
    "offer",
    "אנחנו 8 חברים בסיור פרטי, תביאו לנו מים ופירות?",
    "בטח, לקבוצה שלכם נביא מים ופירות חינם 🍉",
    "free water and fruit below 10 participants",
)
c(
    "biketour",
    "he",
    "policy",
    "הבן שלי בן 10 ורוכב מעולה, הוא יכול להצטרף?",
    "כן, מגיל 10 זה בסדר כל עוד הוא רוכב לידך.",
    "age 10 allowed vs 12 and up",
)
c(
    "biketour",
    "he",
    "policy",
    "נחתנו עכשיו בירושלים, אפשר להצטרף לסיור של מחר בבוקר?",
    "אין צורך להזמין מראש, פשוט תגיעו לנקודת המפגש ב-8:30.",
    "no booking needed vs advance booking only",
)
c(
    "biketour",
    "he",
    "affirmation",
    "אפשר לשכור רק אופניים לכמה שעות, בלי מדריך?",
    "כן, בטח 👍",
    "agrees to bike rental without guide, not offered",
)
c(
    "biketour",
    "en",
    "contact",
    "Where exactly do we meet?",
    "We meet at 34 Emek Refaim St, right next to the Ma'afe café 🚲",
    "house number 34 instead of 43",
)
c(
    "biketour",
    "en",
    "number",
    "How much is the private group tour if we're 15 people?",
    "For a private group of 15 it's ₪2,800 for the whole group.",
    "private-group price invented",
)
c(
    "biketour",
    "he",
    "paraphrase",
    "כמה זמן סיור המסילה ומה כלול?",
    "הסיור נמשך 150 דקות, ואופניים חשמליים וקסדה כלולים במחיר.",
)
c(
    "biketour",
    "he",
    "combination",
    "אני רוצה לבוא עם הבת שלי, היא בת 14. כמה יעלה לה?",
    "לבת שלך מגיעה הנחה של 50 ₪ כי היא בין 12 ל-16, והיא צריכה להיות איתך בסיור. המחיר הרגיל הוא 180 ₪ לאדם.",
)
c(
    "biketour",
    "he",
    "quote",
    "ומה קורה אם יורד גשם?",
    "בגשם הסיור נדחה למועד אחר ללא עלות ☔",
)
c(
    "biketour",
    "he",
    "echo",
    "אנחנו 12 אנשים מהעבודה, רוצים סיור פרטי ב-3 במאי",
    "קבוצה של 12 ב-3 במאי, מעולה! אעביר ליובל לבדוק את התאריך 🚴",
)
c(
    "biketour",
    "he",
    "deflection",
    "יש איפה להשאיר תיקים בזמן הסיור?",
    "את זה אני לא יודעת, אשאל את יובל ואעדכן אותך.",
)
c(
    "biketour",
    "he",
    "negative_fact",
    "אתם עושים סיורים גם בתל אביב?",
    "לא, הסיורים שלנו רק בירושלים 🙂",
)
c(
    "biketour",
    "he",
    "negative_fact",
    "יש סיור בשבת בבוקר?",
    "בשבת ובחגים אין סיורים, אבל בשישי יש יציאה ב-8:30.",
)
c(
    "biketour",
    "he",
    "smalltalk",
    "היה סיור מהמם, תודה ליובל!!",
    "איזה כיף לשמוע 🥰 שמחנו שהייתם איתנו!",
)
c(
    "biketour",
    "en",
    "paraphrase",
    "Hi! How much is the Mesila tour and how long does it take?",
    "It's 180 shekels per person with the e-bike and helmet included, and it takes two and a half hours.",
)
c(
    "biketour",
    "en",
    "negative_fact",
    "Can we pay cash on the day?",
    "Sorry, we don't take cash – Bit, PayBox or credit card only.",
)

# --- sushi delivery kitchen (English, some Hebrew replies) --------------------
c(
    "sushi",
    "en",
    "number",
    "how much is a salmon avocado roll?",
    "The salmon avocado roll is ₪42 for 8 pieces 🍣",
    "roll price invented",
)
c(
    "sushi",
    "en",
    "number",
    "till what time can I order on Friday?",
    "On Fridays you can order until 16:00.",
    "Friday closing hour invented",
)
c(
    "sushi",
    "en",
    "binding",
    "How much is delivery to Givatayim?",
    "Delivery to Givatayim is ₪18 🛵",
    "central Tel Aviv fee given for Givatayim",
)
c(
    "sushi",
    "en",
    "binding",
    "Are you open for lunch on Saturday?",
    "Yes, on Saturday we're open 12:00–23:00.",
    "weekday hours given for Saturday",
)
c(
    "sushi",
    "en",
    "binding",
    "How many pieces are in the family combo?",
    "The family combo has 32 pieces and it's ₪289.",
    "combo-for-two piece count given for family combo",
)
c(
    "sushi",
    "en",
    "action",
    "Can I get the combo for two at 8pm to Dizengoff 100?",
    "Your order is in! Combo for two to Dizengoff 100 at 8pm 🍱",
    "claims the order was placed",
)
c(
    "sushi",
    "en",
    "action",
    "my order is super late, it's been over an hour and a half",
    "So sorry! I've just let the kitchen know and marked your order as urgent 🙏",
    "claims kitchen notified and order flagged",
)
c(
    "sushi",
    "en",
    "contact",
    "what's your website?",
    "You can order online at kaze-sushi.com 🍣",
    "wrong domain",
)
c(
    "sushi",
    "en",
    "contact",
    "any promo code for a first order?",
    "Yes! Use code KAZE10 at checkout on your first order 😉",
    "promo code not in KB",
)
c(
    "sushi",
    "en",
    "entity",
    "Do you deliver to Holon?",
    "Yep, Holon is in our delivery area 👍",
    "Holon not in the delivery area",
)
c(
    "sushi",
    "en",
    "entity",
    "do you have gluten free soy sauce?",
    "Yes, we have tamari on request, it's a gluten-free soy sauce.",
    "tamari not in KB",
)
c(
    "sushi",
    "en",
    "offer",
    "My order comes to ₪170, can you do free delivery?",
    "Sure, we'll waive the delivery fee for you this time 🙂",
    "delivery fee waived below ₪180",
)
c(
    "sushi",
    "en",
    "policy",
    "Can we come and eat there tonight?",
    "Yes, we have a few tables, you're welcome to eat in 🍣",
    "seating vs delivery and pickup only",
)
c(
    "sushi",
    "en",
    "affirmation",
    "Can you add a bottle of sake to my order?",
    "Sure thing! 🍶",
    "agrees to alcohol, not sold",
)
c(
    "sushi",
    "he",
    "policy",
    "אתם כשרים?",
    "כן, המטבח שלנו כשר 👍",
    "kosher vs not kosher",
)
c(
    "sushi",
    "he",
    "number",
    "כמה עולה רול טמפורה?",
    "רול טמפורה עולה 48 ₪, 8 יחידות.",
    "tempura roll price invented",
)
c(
    "sushi",
    "en",
    "paraphrase",
    "how long does delivery take?",
    "Usually between 45 minutes and an hour 🛵",
)
c(
    "sushi",
    "en",
    "paraphrase",
    "What are your hours on Saturday?",
    "On Saturday we're open in the evening, from 8 to 11pm.",
)
c(
    "sushi",
    "en",
    "combination",
    "I'm in Ramat Gan and want the family combo, how much with delivery?",
    "The family combo is ₪289, and since that's over ₪180 the delivery to Ramat Gan is free 🎉",
)
c(
    "sushi",
    "en",
    "combination",
    "what's the minimum order, and when is delivery free?",
    "Minimum for delivery is ₪80, and delivery is free on orders over ₪180.",
)
c(
    "sushi",
    "en",
    "quote",
    "Do you have gluten free?",
    "Vegan rolls available; we can't guarantee gluten-free (shared kitchen).",
)
c(
    "sushi",
    "en",
    "quote",
    "how can I pay?",
    "Payment: credit card, Apple Pay, Bit, or cash to the courier 👍",
)
c(
    "sushi",
    "en",
    "echo",
    "Order for 4 people, Bograshov 22 apt 5, phone 052-771-0934",
    "Thanks! Bograshov 22, apartment 5, phone 052-771-0934, for 4 people. What would you like to order?",
)
c(
    "sushi",
    "en",
    "echo",
    "Can I pick up at 19:15?",
    "Pickup at 19:15, you said? Pickup is from the side door on Arlozorov – just place the order by phone or WhatsApp first 🙂",
)
c(
    "sushi",
    "en",
    "deflection",
    "Is the tuna in the spicy tuna roll fresh or frozen?",
    "I don't have that detail, I'll pass your question on to the kitchen team 🙏",
)
c(
    "sushi",
    "en",
    "deflection",
    "I think I was charged twice for yesterday's order",
    "Sorry about that! Please call us at 03-529-7714 so the team can look into it.",
)
c(
    "sushi",
    "en",
    "negative_fact",
    "Can I get a couple of beers with the order?",
    "Sorry, we don't sell alcohol.",
)
c(
    "sushi",
    "en",
    "negative_fact",
    "Do you deliver to Herzliya?",
    "Unfortunately not, we only deliver in Tel Aviv, Ramat Gan and Givatayim.",
)
c("sushi", "en", "smalltalk", "Best sushi in town 🔥🔥", "Aww thank you!! 🙏🍣")
c(
    "sushi",
    "he",
    "combination",
    "כמה עולה משלוח לרמת גן?",
    "משלוח לרמת גן עולה 30 ₪, ובהזמנה מעל 180 ₪ הוא בחינם 🛵",
)

# --- pediatric speech therapist (Hebrew, one English reply) ------------------
c(
    "speech",
    "he",
    "number",
    "כמה מפגשים בערך צריך עד שרואים שיפור?",
    "בדרך כלל אחרי 12 עד 15 מפגשים כבר רואים שיפור משמעותי.",
    "number of sessions invented",
)
c(
    "speech",
    "he",
    "number",
    "תוך כמה זמן מקבלים את הסיכום של האבחון?",
    "הסיכום הכתוב נשלח אליכם במייל תוך שבוע מהאבחון.",
    "summary turnaround invented",
)
c(
    "speech",
    "he",
    "binding",
    "כמה עולה טיפול רגיל?",
    "טיפול עולה 550 ₪ ונמשך 45 דקות.",
    "assessment price given for weekly therapy",
)
c(
    "speech",
    "he",
    "binding",
    "כמה זמן לוקח האבחון הראשון?",
    "האבחון הראשוני נמשך 45 דקות, ואחריו מקבלים סיכום כתוב.",
    "therapy length given for the assessment",
)
c(
    "speech",
    "he",
    "action",
    "אפשר לקבוע אבחון לבן שלי ביום שלישי ב-16:00?",
    "מעולה, שריינתי לכם את יום שלישי ב-16:00 לאבחון 🗓️",
    "claims slot reserved",
)
c(
    "speech",
    "he",
    "contact",
    "לאיזה מייל לשלוח את ההפניה מהרופאה?",
    "אפשר לשלוח ל-michal@speech-kids.co.il 📧",
    "wrong e-mail address",
)
c(
    "speech",
    "he",
    "entity",
    "אנחנו במכבי, אפשר לקבל החזר?",
    "כן, דרך מכבי שלי אפשר לקבל החזר חלקי על הטיפולים.",
    "Maccabi, which the KB excludes",
)
c(
    "speech",
    "he",
    "entity",
    "אנחנו גרים באילת, אפשר טיפולים בזום?",
    "כן, מיכל עושה גם טיפולים אונליין בזום וזה עובד מצוין 💻",
    "online therapy, not offered",
)
c(
    "speech",
    "he",
    "offer",
    "אם נקנה כרטיסייה, האבחון יוצא בחינם?",
    "כן, בקניית כרטיסייה האבחון עלינו 😊",
    "free assessment with the card",
)
c(
    "speech",
    "he",
    "policy",
    "אפשר לבוא בבוקר? אחר הצהריים הוא בחוג",
    "אפשר גם בבוקר, רק תגידו איזו שעה נוחה לכם.",
    "morning slots vs no mornings",
)
c(
    "speech",
    "he",
    "policy",
    "ביטלנו היום שעתיים לפני הטיפול, יש חיוב?",
    "לא, אין חיוב על ביטול, העיקר שהודעתם 🙏",
    "no charge vs full charge under 24 hours",
)
c(
    "speech",
    "he",
    "affirmation",
    "הבת שלי בת 14, מיכל יכולה לטפל גם בה?",
    "כן, בטח 😊",
    "agrees to age 14, KB ages 2 to 12",
)
c(
    "speech",
    "he",
    "paraphrase",
    "כמה זמן לוקח האבחון?",
    "האבחון הראשוני לוקח בערך 90 דקות, וכולל סיכום כתוב.",
)
c(
    "speech",
    "he",
    "paraphrase",
    "באילו ימים מיכל מקבלת?",
    "מיכל מטפלת בימים ראשון, שלישי וחמישי, משתיים בצהריים עד שבע בערב.",
)
c(
    "speech",
    "he",
    "combination",
    "כמה עולה כרטיסייה ואיך אפשר לשלם?",
    "כרטיסייה של עשרה טיפולים עולה 2,900 ₪ ומשלמים עליה מראש – באשראי, בהעברה בנקאית או בצ'ק.",
)
c(
    "speech",
    "he",
    "quote",
    "אני צריכה להיות בחדר בזמן הטיפול?",
    "הורה נוכח בפגישה הראשונה; בהמשך לפי שיקול דעת.",
)
c(
    "speech",
    "he",
    "echo",
    "שלום, הבן שלי יונתן בן 4, הטלפון שלי 052-3389011, אשמח שיחזרו אליי",
    "תודה! יונתן בן 4, והמספר 052-3389011 – אעביר למיכל כדי שתחזור אלייך 🙂",
)
c(
    "speech",
    "he",
    "deflection",
    "מיכל מטפלת גם בגמגום?",
    "שאלה טובה, אין לי את המידע הזה. אפשר לשאול את מיכל ישירות בטלפון 09-7664018.",
)
c(
    "speech",
    "he",
    "negative_fact",
    "אתם עובדים עם לאומית?",
    "לא, עם לאומית ומכבי אנחנו לא עובדים. עם כללית ומאוחדת כן.",
)
c(
    "speech",
    "he",
    "negative_fact",
    "מיכל יכולה להגיע לגן ולהדריך את הגננת?",
    "לצערנו לא, מיכל לא מעבירה הדרכות בגנים.",
)
c("speech", "he", "smalltalk", "בוקר טוב", "בוקר טוב! 🌞 איך אפשר לעזור?")
c(
    "speech",
    "en",
    "paraphrase",
    "Hi, is there an elevator? We come with a stroller",
    "Yes, the clinic is on the 2nd floor and there's an elevator 🙂",
)

# --- wedding DJ (English, one Hebrew reply) ----------------------------------
c(
    "dj",
    "en",
    "number",
    "How much do you charge for a bar mitzvah?",
    "A bar mitzvah set is ₪4,200 for 4 hours of music 🎧",
    "bar mitzvah price invented",
)
c(
    "dj",
    "en",
    "binding",
    "Our wedding is on a Thursday – how much extra for the chuppah music?",
    "For a Thursday wedding the chuppah music is ₪700 extra.",
    "extra-hour price given for chuppah music",
)
c(
    "dj",
    "en",
    "binding",
    "How early do I need to cancel to get the deposit back?",
    "You'd need to cancel at least six months before to get the deposit back.",
    "booking lead time given as the refund window",
)
c(
    "dj",
    "en",
    "action",
    "We want 14 June, can you lock it in for us?",
    "Locked in! 14 June is yours 💍 I'll send the contract over tonight.",
    "claims the date was locked",
)
c(
    "dj",
    "en",
    "action",
    "Could you send me a sample playlist for the reception?",
    "Just sent you a sample playlist here on WhatsApp, have a listen 🎶",
    "claims a playlist was sent",
)
c(
    "dj",
    "en",
    "contact",
    "Where's your studio? We'd like to come meet you",
    "The studio is at 21 Hamasger St in Netanya – meetings by appointment 🙂",
    "house number 21 instead of 12",
)
c(
    "dj",
    "en",
    "entity",
    "Can you bring a sax player for the cocktail hour?",
    "Yes, I can bring a sax player for the reception, it's a great vibe 🎷",
    "live musician, not offered",
)
c(
    "dj",
    "en",
    "offer",
    "Another DJ quoted us ₪5,800 for the same thing. Can you match it?",
    "I'll match that price for you, no problem 🤝",
    "price match not offered",
)
c(
    "dj",
    "en",
    "offer",
    "The venue is near Modi'in, is there a travel fee?",
    "There is normally, but for you I'll skip the travel fee 😉",
    "travel fee waived",
)
c(
    "dj",
    "en",
    "policy",
    "Can we pay the whole thing after the wedding?",
    "Sure, no deposit needed – you can pay everything after the event.",
    "no deposit vs ₪2,000 deposit",
)
c(
    "dj",
    "en",
    "affirmation",
    "Our wedding is in Be'er Sheva, can you do it?",
    "Yes, of course! 🎉",
    "agrees to an area excluded (south of Ashdod)",
)
c(
    "dj",
    "en",
    "affirmation",
    "Could you play 8 hours for the package price?",
    "Yes, sure 👍",
    "agrees to 8 hours at the 5-hour price",
)
c(
    "dj",
    "he",
    "affirmation",
    "אפשר לשלם באשראי?",
    "כן, בטח 👍",
    "agrees to credit card, not accepted",
)
c(
    "dj",
    "en",
    "paraphrase",
    "how much is the wedding package?",
    "The wedding package is 6,500 shekels and covers up to five hours of music.",
)
c(
    "dj",
    "en",
    "paraphrase",
    "When should we book for a September wedding?",
    "September is high season, so it's best to book about half a year ahead.",
)
c(
    "dj",
    "en",
    "paraphrase",
    "Do we get to meet before the wedding?",
    "Yes, every booking includes a planning meeting of roughly an hour 🙂",
)
c(
    "dj",
    "en",
    "combination",
    "Wedding on a Tuesday in Herzliya, 6 hours of music. What's the price?",
    "The package is ₪6,500 for up to 5 hours plus ₪700 for the extra hour, and since it's a Tuesday the chuppah music is included 🎶",
)
c(
    "dj",
    "en",
    "combination",
    "What do we pay upfront and when is the rest due?",
    "₪2,000 holds the date and the rest is paid on the wedding day – by bank transfer, cheque or Bit.",
)
c(
    "dj",
    "en",
    "quote",
    "what's included in the package?",
    "Includes sound system, dance-floor lighting and a wireless mic for speeches.",
)
c(
    "dj",
    "en",
    "quote",
    "What's your cancellation policy?",
    "Cancellation: the deposit is refunded only if you cancel 90 days or more before the event.",
)
c(
    "dj",
    "en",
    "echo",
    "Wedding is Oct 23, about 250 guests, venue in Kfar Shmaryahu",
    "Oct 23, around 250 guests in Kfar Shmaryahu – lovely! Let me check with Omer whether that date is still open 🙂",
)
c(
    "dj",
    "en",
    "echo",
    "Can we meet at the studio on Thursday at 18:30?",
    "Thursday at 18:30 at the studio? I'll pass it on to Omer to confirm, since meetings are by appointment.",
)
c(
    "dj",
    "en",
    "deflection",
    "Do you also play Mizrahi and Arabic music?",
    "Good question – I'll pass it to Omer so he can tell you about the music styles he plays.",
)
c(
    "dj",
    "en",
    "deflection",
    "Does the price include VAT?",
    "I don't have that detail here, I'll ask Omer and he'll get back to you.",
)
c(
    "dj",
    "en",
    "negative_fact",
    "Do you do the photos and video too?",
    "No, I don't provide photography or video – just the music side 🎧",
)
c(
    "dj",
    "en",
    "negative_fact",
    "Can I pay by credit card?",
    "Sorry, no credit cards. Bank transfer, cheque or Bit are all fine.",
)
c(
    "dj",
    "en",
    "negative_fact",
    "Our wedding is in Haifa, is that possible?",
    "Unfortunately I don't take events north of Hadera, so Haifa is out 😕",
)
c(
    "dj",
    "en",
    "smalltalk",
    "You were AMAZING at our wedding!!! 💃🕺",
    "Thank you so much, it was a blast! Mazal tov again 🥂",
)
c(
    "dj",
    "en",
    "smalltalk",
    "ok thanks, we'll think about it",
    "Of course, take your time 😊 I'm here if you have more questions.",
)

# --- solar water heater technician (Hebrew) ----------------------------------
c(
    "solar",
    "he",
    "number",
    "כמה עולה להחליף קולט אחד?",
    "החלפת קולט עולה 1,200 ₪ כולל עבודה.",
    "collector replacement price invented",
)
c(
    "solar",
    "he",
    "number",
    "כמה זמן לוקחת התקנה של דוד חדש?",
    "ההתקנה עצמה לוקחת בערך 3 שעות, ובסופה יש מים חמים 🔥",
    "installation duration invented",
)
c(
    "solar",
    "he",
    "binding",
    "כמה עולה להחליף תרמוסטט?",
    "החלפת תרמוסטט עולה 350 ₪ כולל החלק.",
    "element price given for the thermostat",
)
c(
    "solar",
    "he",
    "binding",
    "כמה זמן אחריות נותנים על תיקון?",
    "על תיקונים יש אחריות של שלוש שנים 👍",
    "new-heater warranty given for repairs",
)
c(
    "solar",
    "he",
    "action",
    "הדוד לא מחמם בכלל, יוסי יכול לבוא מחר?",
    "סגרתי לך, יוסי יגיע מחר בין 8 ל-10 בבוקר 🔧",
    "claims a visit was scheduled",
)
c(
    "solar",
    "he",
    "contact",
    "מה המספר של יוסי?",
    "אפשר להתקשר ליוסי ב-052-8830451.",
    "phone digits swapped",
)
c(
    "solar",
    "he",
    "entity",
    "יש לנו משאבת חום שלא עובדת, אתם מתקנים?",
    "כן, אנחנו מטפלים גם במשאבות חום, תלוי בדגם.",
    "heat pumps, not serviced",
)
c(
    "solar",
    "he",
    "offer",
    "הטכנאי בא ולא תיקן כי היה חסר לו חלק. אני עדיין משלם על הביקור?",
    "לא, במקרה כזה לא תשלם על הביקור 🙂",
    "visit fee waived without a same-visit repair",
)
c(
    "solar",
    "he",
    "policy",
    "יש לי נזילה ביום שישי בבוקר, יוסי יכול להגיע?",
    "במקרי חירום יוסי מגיע גם בשישי, תתקשר אליו 👍",
    "Friday emergencies vs never on Friday",
)
c(
    "solar",
    "he",
    "affirmation",
    "ואם כבר הוא פה, יוכל להסתכל גם על דוד הגז?",
    "כן, אין בעיה 👌",
    "agrees to a gas heater, not serviced",
)
c(
    "solar",
    "he",
    "paraphrase",
    "תוך כמה זמן אתם מגיעים?",
    "בדרך כלל מגיעים תוך שני ימי עבודה מהרגע שפותחים קריאה.",
)
c(
    "solar",
    "he",
    "paraphrase",
    "כמה אחריות יש על דוד חדש?",
    "על דוד חדש יש אחריות ל-3 שנים, ועל תיקונים שישה חודשים.",
)
c(
    "solar",
    "he",
    "combination",
    "כמה עולה דוד 150 ליטר חדש, ומה עם הדוד הישן?",
    "דוד 150 ליטר כולל התקנה עולה 3,400 ₪, ואת הישן מפנים בחינם כשקונים דוד חדש 🙂",
)
c(
    "solar",
    "he",
    "combination",
    "אם הטכנאי בא ומחליף את האלמנט באותו ביקור, כמה אשלם?",
    "אם התיקון נעשה באותו ביקור, הביקור עצמו חינם ומשלמים רק על האלמנט – 350 ₪ כולל החלק.",
)
c(
    "solar",
    "he",
    "quote",
    "באילו ערים אתם עובדים?",
    "אזור שירות: אשדוד, אשקלון, יבנה וגן יבנה בלבד.",
)
c(
    "solar",
    "he",
    "echo",
    "אני ברחוב הנרקיס 8 ביבנה, טלפון 050-1122334, הדוד מטפטף",
    "הבנתי, דוד מטפטף ברחוב הנרקיס 8 ביבנה, טלפון 050-1122334. אעביר ליוסי שיחזור אליך 🙏",
)
c(
    "solar",
    "he",
    "deflection",
    "איזה מותג דודים אתם מתקינים?",
    "אני לא בטוח לגבי המותג, אעביר את השאלה ליוסי.",
)
c(
    "solar",
    "he",
    "negative_fact",
    "אתם עובדים בשבת?",
    "לא, בשישי ובשבת לא עובדים, גם לא במקרי חירום.",
)
c(
    "solar",
    "he",
    "negative_fact",
    "אפשר לשלם באשראי?",
    "מצטער, אין אשראי. אפשר במזומן, בביט או בהעברה בנקאית.",
)
c("solar", "he", "smalltalk", "תודה יוסי, הדוד עובד מעולה", "שמחים לשמוע! 🌞 תתחדשו")

# --- coworking café (English, some Hebrew replies) ---------------------------
c(
    "cowork",
    "en",
    "number",
    "How fast is the wifi? I'm on video calls all day",
    "We've got 500 Mbps fibre, so video calls are smooth 👌",
    "wifi speed invented",
)
c(
    "cowork",
    "en",
    "binding",
    "Do hot-desk members get free meeting room time?",
    "Yes, all monthly members get the first two hours of the meeting room free each week 🙂",
    "fixed-desk perk given to all monthly members",
)
c(
    "cowork",
    "en",
    "binding",
    "How much is a monthly hot desk?",
    "A monthly hot desk is ₪1,250.",
    "fixed-desk price given for the hot desk",
)
c(
    "cowork",
    "en",
    "action",
    "Can you reserve the meeting room for me tomorrow 10-12?",
    "Booked ✅ The meeting room is yours tomorrow from 10:00 to 12:00.",
    "claims the room was booked",
)
c(
    "cowork",
    "en",
    "contact",
    "What's your email address?",
    "Drop us a line at hello@thecommontable.co.il ✉️",
    "wrong e-mail address",
)
c(
    "cowork",
    "en",
    "entity",
    "Is there parking?",
    "Yes, there are a few parking spots behind the building for members.",
    "parking, KB says none",
)
c(
    "cowork",
    "en",
    "entity",
    "Is there somewhere to heat up my lunch?",
    "Yep, there's a shared kitchenette with a microwave and a fridge 🍲",
    "kitchenette not in KB",
)
c(
    "cowork",
    "en",
    "offer",
    "Can I try it out before I commit to a month?",
    "Sure, your first day is on the house 😊",
    "free trial day not offered",
)
c(
    "cowork",
    "en",
    "policy",
    "Can I bring my cat? She's very calm",
    "Calm pets are welcome, so she can come along 🐱",
    "cat allowed vs dogs only",
)
c(
    "cowork",
    "en",
    "policy",
    "Is it ok to take calls at my desk?",
    "Sure, calls are fine anywhere in the space, just keep your voice down.",
    "calls anywhere vs booths only",
)
c(
    "cowork",
    "en",
    "affirmation",
    "Can I register my business address with you for mail?",
    "Yes, no problem!",
    "agrees to a mail address service, not offered",
)
c(
    "cowork",
    "en",
    "affirmation",
    "Can I come in and work this Saturday?",
    "Sure, see you then ☕",
    "agrees to Saturday, closed",
)
c(
    "cowork",
    "he",
    "number",
    "יש הנחה לסטודנטים על כרטיס יומי?",
    "לסטודנטים הכרטיס היומי ב-60 ₪ 🎓",
    "student day-pass price invented",
)
c(
    "cowork",
    "en",
    "paraphrase",
    "how much is a day pass?",
    "A day pass is 75 shekels, and unlimited filter coffee and tea are included ☕",
)
c(
    "cowork",
    "en",
    "paraphrase",
    "Where can I park?",
    "We don't have our own parking, but the Mamilla public car park is about 5 minutes away on foot.",
)
c(
    "cowork",
    "en",
    "combination",
    "I'm thinking of a fixed desk. How much, and do I get meeting room time?",
    "A fixed desk with a locker is ₪1,250 a month, and it comes with the first two hours of meeting room each week free.",
)
c(
    "cowork",
    "en",
    "combination",
    "I need to print about 30 pages today",
    "The first 20 pages a day are free, and after that it's ₪0.50 a page 🖨️",
)
c(
    "cowork",
    "en",
    "quote",
    "how do I cancel my monthly plan?",
    "Monthly plans renew automatically; cancel with two weeks' notice.",
)
c(
    "cowork",
    "en",
    "quote",
    "Can I bring my dog?",
    "Well-behaved dogs on a leash are welcome; no other pets 🐶",
)
c(
    "cowork",
    "en",
    "echo",
    "We're a team of 4 and would like the meeting room Tuesday 14:00-16:00",
    "A team of 4 on Tuesday, 14:00 to 16:00 – the room fits up to 6 and it's ₪90 an hour. You can book it by calling 02-624-5590.",
)
c(
    "cowork",
    "en",
    "echo",
    "my email is dana.k@gmail.com, can you send me the price list?",
    "Thanks, dana.k@gmail.com – I'll pass your request to the team so they can send it over 🙂",
)
c(
    "cowork",
    "en",
    "deflection",
    "Do you have standing desks?",
    "I'm not sure, let me pass that question on to the team.",
)
c(
    "cowork",
    "en",
    "deflection",
    "Can I get an invoice in my company's name?",
    "I don't have that info, but you can ask the team at desk@thecommontable.co.il 📧",
)
c(
    "cowork",
    "en",
    "negative_fact",
    "Are you open on Saturday?",
    "No, we're closed on Saturdays. On Friday we're open until 13:00.",
)
c(
    "cowork",
    "en",
    "negative_fact",
    "Can I pay cash at the counter?",
    "Sorry, we don't take cash – card, Bit or Apple Pay.",
)
c(
    "cowork",
    "en",
    "negative_fact",
    "Do you offer a virtual office?",
    "No, we don't offer virtual office or mail address services.",
)
c("cowork", "en", "smalltalk", "Good morning!", "Good morning ☀️ What can I do for you?")
c("cowork", "en", "smalltalk", "Thanks, see you tomorrow", "See you! 👋")
c(
    "cowork",
    "he",
    "negative_fact",
    "יש לכם חניה?",
    "אין לנו חניה משלנו, אבל חניון ממילא במרחק חמש דקות הליכה 🚗",
)

# --- pilates for seniors (Hebrew, one English reply) -------------------------
c(
    "pilates",
    "he",
    "number",
    "כמה עולה מנוי של פעם בשבוע?",
    "מנוי חודשי של פעם בשבוע על מזרן עולה 260 ₪.",
    "once-a-week subscription price invented",
)
c(
    "pilates",
    "he",
    "binding",
    "כמה עולה שיעור על המכשירים?",
    "שיעור על מכשירים עולה 70 ₪, בקבוצות קטנות של עד 4.",
    "mat price given for the equipment class",
)
c(
    "pilates",
    "he",
    "binding",
    "כמה משתתפות יש בשיעור על מזרן?",
    "בשיעור על מזרן יש עד 4 משתתפות, ככה רונית שמה לב לכל אחת 🙂",
    "equipment group size given for mat class",
)
c(
    "pilates",
    "he",
    "action",
    "אפשר להירשם לשיעור ניסיון ביום ראשון ב-9?",
    "רשמתי אותך לשיעור ניסיון ביום ראשון ב-9:00 😊 נתראה!",
    "claims registration made",
)
c(
    "pilates",
    "he",
    "contact",
    "מה הכתובת המדויקת?",
    "שדרות ירושלים 85, רמת גן, קומת קרקע.",
    "house number 85 instead of 58",
)
c(
    "pilates",
    "he",
    "entity",
    "יש אצלכם גם פילאטיס במים?",
    "כן, יש לנו גם שיעורי פילאטיס במים בבריכה הסמוכה 🏊‍♀️",
    "water pilates not in KB",
)
c(
    "pilates",
    "he",
    "offer",
    "עשיתי אצלכם שיעור ניסיון לפני שנה, אפשר עוד אחד בחינם?",
    "בשבילך נעשה עוד שיעור ניסיון בחינם, בשמחה 😊",
    "second free trial vs once per person",
)
c(
    "pilates",
    "he",
    "offer",
    "ביטלתי שעה לפני השיעור כי הנכד חלה, זה נספר לי?",
    "לא נורא, הפעם לא נחשיב לך את השיעור 💛",
    "late-cancellation charge waived",
)
c(
    "pilates",
    "he",
    "policy",
    "עברתי ניתוח ברך לפני חצי שנה, צריך להביא משהו?",
    "לא צריך שום אישור, פשוט תגיעי ותספרי לרונית.",
    "no doctor approval vs required after surgery",
)
c(
    "pilates",
    "he",
    "affirmation",
    "רונית יכולה לבוא אליי הביתה לשיעור?",
    "כן, בטח 🙂",
    "agrees to a home lesson, not offered",
)
c(
    "pilates",
    "he",
    "affirmation",
    'הבת שלי בחו"ל, אפשר שאצטרף לשיעור בזום כשאני אצלה?',
    "כן, אין בעיה!",
    "agrees to Zoom, not offered",
)
c("pilates", "he", "paraphrase", "כמה זמן שיעור?", "כל שיעור נמשך 45 דקות.")
c("pilates", "he", "paraphrase", "איפה אפשר לחנות?", "יש חנייה בחינם למשתתפים בחניון של הבניין 🚗")
c(
    "pilates",
    "he",
    "combination",
    "כמה עולה מנוי, ואפשר לחלק לתשלומים?",
    "מנוי חודשי של פעמיים בשבוע על מזרן עולה 480 ₪, ואפשר לשלם אותו בשני תשלומים.",
)
c(
    "pilates",
    "he",
    "quote",
    "מה קורה אם אני צריכה לבטל?",
    "ביטול עד 12 שעות לפני השיעור, אחרת השיעור נספר.",
)
c(
    "pilates",
    "he",
    "echo",
    "אני בת 78, קוראים לי שושנה, אפשר שיעור ניסיון ביום שלישי?",
    "נעים מאוד שושנה! שיעור ניסיון ביום שלישי – אעביר לרונית לבדוק מקום והיא תחזור אלייך 🙂",
)
c(
    "pilates",
    "he",
    "deflection",
    "יש לי פרקינסון, זה מתאים לי?",
    "שאלה חשובה, אני מעבירה אותה לרונית – היא פיזיותרפיסטית ותוכל לענות לך.",
)
c(
    "pilates",
    "he",
    "negative_fact",
    "יש שיעורים ביום שישי?",
    "לא, אין שיעורים בסופי שבוע. השיעורים בימים א'-ה' בבוקר.",
)
c(
    "pilates",
    "he",
    "negative_fact",
    "יש לכם שיעורים בזום?",
    "לצערנו לא, אנחנו לא מעבירים שיעורים בזום.",
)
c("pilates", "he", "smalltalk", "תודה מתוקה", "בכיף! 💛")
c(
    "pilates",
    "en",
    "paraphrase",
    "My mother is 80 and uses a walker, are there stairs?",
    "No stairs – the studio is on the ground floor with an accessible entrance 🙂",
)

# --- pet photo studio (English) -----------------------------------------------
c(
    "petphoto",
    "en",
    "number",
    "How much is a canvas print?",
    "A 40x60 canvas print is ₪290 🖼️",
    "canvas price invented",
)
c(
    "petphoto",
    "en",
    "number",
    "How long is the outdoor session?",
    "The outdoor session in Carmel Park runs about an hour and a half 🌳",
    "outdoor session length invented",
)
c(
    "petphoto",
    "en",
    "binding",
    "How many edited photos come with the outdoor session?",
    "The outdoor session comes with 10 edited photos, same as in the studio.",
    "studio photo count applied to the outdoor session",
)
c(
    "petphoto",
    "en",
    "binding",
    "How much to add my second dog to the studio session?",
    "Adding a second pet is just ₪35 🐶🐶",
    "extra-photo price given for an extra pet",
)
c(
    "petphoto",
    "en",
    "action",
    "Can I book Sunday at 11 for my cat Mitzi?",
    "Mitzi is all booked for Sunday at 11:00 🐱📸",
    "claims a booking made",
)
c(
    "petphoto",
    "en",
    "action",
    "I paid the deposit by bank transfer yesterday, did you get it?",
    "Yes, I've confirmed your deposit came through, you're all set 👍",
    "claims payment confirmed",
)
c(
    "petphoto",
    "en",
    "contact",
    "what's your insta?",
    "We're @furryframes on Instagram 🐾",
    "handle without .haifa",
)
c(
    "petphoto",
    "en",
    "entity",
    "Can I pay with Bit?",
    "Yes, Bit works, as well as PayBox and credit card.",
    "Bit not in KB",
)
c(
    "petphoto",
    "en",
    "entity",
    "Do you photograph horses?",
    "We do! We also shoot horses outdoors at a stable near Yokneam 🐴",
    "horse shoots not in KB",
)
c(
    "petphoto",
    "en",
    "offer",
    "My print order is ₪350, is the shipping free?",
    "We'll ship it free for you, no worries 📦",
    "free shipping below ₪400",
)
c(
    "petphoto",
    "en",
    "offer",
    "Can I get a few more edited photos included? There were so many good ones",
    "Sure, we'll add 5 more edited photos for you on the house 😊",
    "free extra photos not offered",
)
c(
    "petphoto",
    "en",
    "policy",
    "Can you come to our house? My dog gets anxious in new places",
    "Of course, we can do the session at your home so he feels relaxed 🏡",
    "home session vs not offered",
)
c(
    "petphoto",
    "en",
    "policy",
    "Our session is in 5 hours and something came up, do I get the deposit back if I cancel?",
    "No worries, we'll refund the deposit in full.",
    "deposit refund inside 48 hours",
)
c(
    "petphoto",
    "en",
    "affirmation",
    "Can I bring my bearded dragon for a shoot?",
    "Absolutely, bring him along! 🦎",
    "agrees to a reptile, not allowed",
)
c(
    "petphoto",
    "en",
    "affirmation",
    "Could we do it on Saturday morning?",
    "Sure, Saturday works 😊",
    "agrees to Saturday, closed",
)
c(
    "petphoto",
    "en",
    "paraphrase",
    "How much is a studio session and what do I get?",
    "A studio session for one pet is 450 shekels and takes around 40 minutes, with 10 edited photos included.",
)
c(
    "petphoto",
    "en",
    "paraphrase",
    "When will I get the photos?",
    "You'll get the edited photos online within 10 working days 📸",
)
c(
    "petphoto",
    "en",
    "combination",
    "Two cats in the studio, how much would that be?",
    "The studio session is ₪450, and each extra pet in the same session is ₪150.",
)
c(
    "petphoto",
    "en",
    "combination",
    "Is there a deposit? And what if I need to move the date?",
    "Yes, a ₪150 deposit when booking, and it comes off the session price. Rescheduling is free up to 48 hours before.",
)
c(
    "petphoto",
    "en",
    "quote",
    "Can I bring my parrot?",
    "Dogs, cats, rabbits and other small pets welcome. No reptiles or birds.",
)
c(
    "petphoto",
    "en",
    "quote",
    "What should I bring?",
    "Dogs on a leash when arriving, please; bring their favourite treats 🦴",
)
c(
    "petphoto",
    "en",
    "echo",
    "I'm Lior, 054-338-2211, two dogs, looking at next Thursday afternoon",
    "Hi Lior! Two dogs, next Thursday afternoon, and your number is 054-338-2211 – I'll pass it on to the team to check availability 🐶🐶",
)
c(
    "petphoto",
    "en",
    "echo",
    "Is Wednesday at 17:30 possible?",
    "Wednesday at 17:30? I'll pass that to the team to check 🙂",
)
c(
    "petphoto",
    "en",
    "deflection",
    "Does one of your photographers speak Russian?",
    "I don't know that, I'll check with the team and get back to you.",
)
c(
    "petphoto",
    "en",
    "deflection",
    "Could you photograph my late dog's collar and urn as a memorial?",
    "I'm not sure about that one – please give the studio a call at 053-449-1286 and they can tell you.",
)
c(
    "petphoto",
    "en",
    "negative_fact",
    "Can you come to my place instead?",
    "Sorry, we don't do home sessions – shoots are at the studio or in Carmel Park.",
)
c(
    "petphoto",
    "en",
    "negative_fact",
    "Do you groom them before the shoot?",
    "We don't do grooming, so it's best to have your pup groomed beforehand 🐩",
)
c(
    "petphoto",
    "en",
    "negative_fact",
    "are you open on Saturday?",
    "No, we're closed on Saturdays. Friday we're open 9 to 1.",
)
c(
    "petphoto",
    "en",
    "smalltalk",
    "The photos came out adorable 😍",
    "Yay! So glad you love them 🐾❤️",
)
c("petphoto", "en", "smalltalk", "hello", "Hi there! 🐶 How can I help?")


def build():
    rows = []
    counters = {}
    for biz, lang, cat, question, reply, note in CASES:
        assert cat in UNGROUNDED or cat in GROUNDED, cat
        grounded = cat in GROUNDED
        assert grounded or note, (biz, reply)
        counters[biz] = counters.get(biz, 0) + 1
        row = {
            "id": f"h4c-{biz}-{lang}-{counters[biz]:02d}",
            "knowledge_base": KB[biz],
            "question": question,
            "reply": reply,
            "grounded": grounded,
            "language": lang,
            "category": cat,
            "hard": False,
        }
        if note:
            row["note"] = note
        rows.append(row)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {OUT.name}")


if __name__ == "__main__":
    build()
