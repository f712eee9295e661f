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
