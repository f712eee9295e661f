"""Actions and commitments: "I've booked you in", "רשמתי אותך", "Dana will call you within the hour".

The agent has no tools. It cannot book, reserve, confirm, schedule, send, e-mail, text,
cancel, refund, apply a discount, note anything down or dispatch anyone, so a reply that
says one of these was done or is arranged is unsupported whatever the knowledge base says:

- **done**: a first-person past or present ("I've booked you in", "we've sent you the
  invoice", "I'm putting you down for Tuesday", "רשמתי אותך", "שלחנו לך", "ביטלתי את
  התור"), a message passed on or a check made ("I've let Dana know", "I checked with the
  workshop", "העברתי את הפרטים שלך לצוות", "בדקתי מול המוסך"), a state that only a
  booking makes true ("you're all set", "your appointment is confirmed", "Sent!", "הזיכוי
  בוצע", "את רשומה"), someone on the way ("a technician is on his way", "הטכנאי בדרך
  אלייך"), and a confirmation with a time ("see you Tuesday at 10", "מחכים לך ביום שלישי
  ב-10");
- **promised**: the agent's own "I'll book / send / cancel / refund" ("אשלח לך", "אקבע
  לך"); and a hand-off with a promised time ("someone from the team will ring you within
  the hour", "נציג יחזור אליך תוך חצי שעה") or an arrival ("we'll be there within 15
  minutes"), unless a knowledge-base line about replying or calling back (for an arrival:
  about arriving or delivering) states a time, whose value the numbers check compares;
- **process**: "you'll get a reminder SMS the day before", "we'll send you a confirmation
  e-mail", "תקבלי תזכורת ב-SMS": supported when a knowledge-base line says the business
  sends that very thing ("We send a reminder SMS the day before every appointment").

Conservative on purpose, since a false flag holds a correct reply for a person: questions
("Shall I note Tuesday 10:00?", "לקבוע לך?"), offers ("I can pass this on", "would you
like me to book?"), what the customer can do ("you can book online"), negations ("I can't
book appointments myself"), conditions ("once you book, you'll get..."), what the customer
did ("you booked"), the escalation sentence ("Let me pass you to a member of our team") and
an offer to pass a request on ("I'll pass your question to the team") without a promised
time are never read. A state the customer stated first ("I booked online for Tuesday" ->
"see you Tuesday at 10") is theirs, not a claim; a confirmation never is.

Each flag covers the sentence; its reason quotes the words that claim; its evidence is the
knowledge base's lines on how that is done (bookings, contact, cancellations, refunds,
discounts), empty when it says nothing about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agents.grounding.findings import ACTION, Flag
from agents.grounding.numbers import HEBREW_LETTER as HE
from agents.grounding.text import normalise, split_spans

_HB = rf"(?<![{HE}])"  # a Hebrew word starts here
_HE_END = rf"(?![{HE}])"
_HP = rf"{_HB}(?:ו|וש|ש)?"  # a Hebrew verb, with "and" / "that" before it

# What kind of thing was done: each family has its reason and its knowledge-base lines.
BOOK = "book"
SEND = "send"
CANCEL = "cancel"
REFUND = "refund"
DISCOUNT = "discount"
NOTE = "note"
DISPATCH = "dispatch"
HANDOFF = "handoff"
ARRIVAL = "arrival"
RELAY = "relay"
CHECK = "check"

_REASONS = {
    BOOK: "claims a booking was made or confirmed, but the agent cannot book anything",
    SEND: "claims something was sent to the customer, but the agent cannot send anything",
    CANCEL: "claims a booking or order was cancelled, but the agent cannot cancel anything",
    REFUND: "claims a refund or credit was made, but the agent cannot refund anything",
    DISCOUNT: "claims a discount was applied, but the agent cannot change a price or order",
    NOTE: "claims a note was recorded, but the agent cannot record anything",
    DISPATCH: "claims someone is on the way, but the agent cannot send anyone",
    HANDOFF: "promises the team will get back within a set time, which the knowledge base "
    "does not promise",
    ARRIVAL: "promises someone or something will arrive within a set time, which the knowledge "
    "base does not promise",
    RELAY: "claims a message was passed on, but the agent cannot pass anything on",
    CHECK: "claims the agent checked with someone or in a system, but it cannot check anything",
}
_PROCESS_REASON = (
    "promises the customer will be sent something, which the knowledge base does not say "
    "the business sends"
)

# --- English ---------------------------------------------------------------------------------

_EN_ADVERBS = (
    r"(?:\s+(?:just|already|now|also|gone\s+ahead\s+and|went\s+ahead\s+and|successfully"
    r"|personally|quickly))*"
)
# "I've", "I have", "we've", "I just": the perfect or simple past of the agent.
_EN_I_DONE = rf"\bi(?:'ve|\s+have)?{_EN_ADVERBS}\s+"
_EN_WE_DONE = rf"\bwe(?:'ve|\s+have)?{_EN_ADVERBS}\s+"
_EN_YOU = re.compile(r"\s+(?:you|your|it|that|this|them)\b")
_FOR_YOU = re.compile(r"\bfor\s+you\b")

# Past participles, by family. (pattern, family)
# Setting something aside for the customer: "put it aside", "set aside 2 bottles", "put the
# bike on hold"; each tense puts its own verb before it.
_EN_ASIDE = r"\s+(?:[\w'-]+\s+){0,5}?(?:aside|on\s+hold|to\s+one\s+side)\b"
_EN_DONE_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:booked|reserved|rescheduled|scheduled|confirmed|registered|enrolled"
        r"|signed\s+you\s+up|put\s+you\s+(?:down|in|on)|pencil+ed\s+you|added\s+you"
        r"|got\s+you\s+(?:down|in|booked)|slotted\s+you|fitted\s+you\s+in|squeezed\s+you"
        r"|secured|held|saved\s+(?:you|your|an?|the|it|them|one|\d+|two|three|four|five|six)"
        r"|blocked|locked\s+(?:in|you)|set\s+you\s+up|moved\s+your|changed\s+your|updated\s+your"
        r"|placed\s+your|arranged|popped\s+you|entered\s+(?:you|your)|grabbed\s+you"
        # "I've put it aside for you", "I've set aside 2 bottles", "put it on hold"
        rf"|(?:put|set|kept|got|pulled|laid){_EN_ASIDE}|(?:put|placed)\s+a\s+hold|kept\s+(?:it|them|one|an?|the|your|\d+)\b"
        r"|(?:put|added|written|wrote|jotted|taken)\s+(?:down\s+)?your\s+name"
        r"|made\s+(?:you\s+)?(?:an?|the|your)\s+(?:booking|reservation|appointment)"
        r"|(?:grabbed|snagged|nabbed)(?=\s+you\b|[^,.;!?]{0,40}\bfor\s+you\b)"
        # an order placed, a booking changed: "I've put in the order", "changed it to 3 people"
        r"|put\s+in\s+(?:an?|the|your)\s+order|placed\s+(?:an?|the)\s+order"
        r"|ordered\s+(?:it|them|the|an?|your)\b(?=[^,.;!?]*\bfor\s+you\b)"
        r"|(?:changed|moved|updated|switched|shifted|extended)\s+(?:it|that|this|them|the\s+(?:booking"
        r"|reservation|appointment|order|time|date|slot))\s+to\b|extended\s+your)",
        BOOK,
    ),
    (r"(?:cancel+ed)", CANCEL),
    (r"(?:refunded|credited|reimbursed|returned\s+(?:the|your)\s+(?:money|payment))", REFUND),
    (
        r"(?:(?:applied|knocked|taken\s+\S+\s+off|took\s+\S+\s+off|given\s+you|gave\s+you)"
        r"(?=[^,.;]*\b(?:discount|off|%|percent|coupon|code|price))"
        # "I've waived the fee", "I've upgraded you to the deluxe room"
        r"|waived\s+(?:the|your|it|that|this)|upgraded\s+(?:you|your))",
        DISCOUNT,
    ),
    (
        r"(?:noted|made\s+a\s+note|taken\s+note|took\s+note|written\s+(?:it\s+)?down|wrote\s+"
        r"(?:it\s+)?down|logged|recorded|added\s+a\s+note|flagged|marked)",
        NOTE,
    ),
    (
        r"(?:passed|forwarded|handed|relayed|let\s+(?!you\b)\w+(?:\s+\w+)?\s+know"
        r"|told\s+(?!you\b)|informed\s+(?!you\b)|notified\s+(?!you\b)|alerted|updated\s+"
        r"(?:the|our|my)\s|asked\s+(?!you\b)(?:[\w']+\s+){1,3}?to\s+(?:call|contact|ring|text"
        r"|message|get\s+back|reach|phone|e-?mail|send|check|prepare|hold|keep|set|book)\b"
        r"|(?:sent|e-?mailed|messaged)\s+(?:your|this|it|that|the\s+details)\b"
        r"[^,.;]*\bto\s+(?!you\b))",
        RELAY,
    ),
    (
        r"(?:checked|double-checked|verified|spoke|spoken|talked|asked|consulted|looked\s+it\s+up)"
        r"(?=\s+(?:with|to|in\s+(?:the|our)|the\s+(?:calendar|diary|schedule|system|availability"
        r"|records)|our\s+(?:calendar|diary|schedule|system|records)|your\s+(?:order|booking"
        r"|file|account|car|appointment|repair|payment|transfer|delivery|status)|on\s+(?:your|the)"
        # "I checked repair #4471", "checked order 1182": a record found by its number
        r"|(?:repair|order|booking|ticket|job|case|shipment|delivery)\s*(?:no\.?\s*|number\s*)?#?\d))",
        CHECK,
    ),
    (r"(?:sent|e-?mailed|texted|messaged|whatsapped|shared)", SEND),
    (r"(?:dispatched|sent\s+(?:a|the|our)\s+(?:technician|courier|driver|plumber))", DISPATCH),
)
_EN_DONE = tuple(
    (re.compile(subject + verbs + r"\b"), family, is_we)
    for verbs, family in _EN_DONE_VERBS
    for subject, is_we in ((_EN_I_DONE, False), (_EN_WE_DONE, True))
)
_EN_WE_SAFE = re.compile(r"\b(?:booked|added|held|marked|shared|recorded)\b")

# "I'm putting you down", "we're sending you": the present of doing it now.
_EN_DOING = re.compile(
    r"\b(?:i'm|i\s+am|we're|we\s+are)(?:\s+(?:just|now|also))*\s+(?:"
    r"(?P<book>booking\s+(?:you|it|that|your)|reserving|scheduling|rescheduling|confirming\s+"
    r"(?:you|your|it)|putting\s+you|pencil+ing\s+you|adding\s+you|signing\s+you\s+up"
    r"|registering\s+you|moving\s+your|holding\s+(?:an?|the|your|it|them|one|\d+|on\s*to)"
    r"|saving\s+(?:an?|the|your|it|them|one|\d+)|keeping\s+(?:it|them|one|an?|the|\d+)\b"
    rf"|(?:putting|setting|keeping|getting){_EN_ASIDE})"
    r"|(?P<send>sending\s+(?:you|it|them|over|the|your)|e-?mailing|texting\s+you)"
    r"|(?P<cancel>cancel+ing)"
    r"|(?P<refund>refunding|crediting)"
    r"|(?P<discount>applying\s+(?:a|the|an)\b[^,.;]*(?:discount|off|%|coupon|code))"
    r"|(?P<note>noting|making\s+a\s+note|writing\s+(?:it|that|this)\s+down|logging)"
    r"|(?P<dispatch>sending\s+(?:a|the|our)\s+(?:technician|courier|driver|plumber|someone)))\b"
)
# "I'll book you in", "let me cancel it": the agent's own promise.
_EN_WILL = re.compile(
    r"\b(?:i'll|i\s+will|i'm\s+going\s+to|i\s+am\s+going\s+to|we'll|we\s+will)"
    r"(?:\s+(?:just|now|also|go\s+ahead\s+and|quickly))*\s+(?:"
    r"(?P<book>book\s+(?:you|it|that|this|your|a|the)|reserve|schedule|reschedule"
    r"|put\s+you\s+(?:down|in)|pencil\s+you|add\s+you|sign\s+you\s+up|register\s+you"
    r"|hold\s+(?:a|the|your)\s+(?:table|spot|slot|place|seat)|save\s+you"
    rf"|hold\s+(?:it|them|one|\d+|on\s*to)|keep\s+(?:it|them|one|\d+)\s+for\s+you"
    rf"|(?:put|set|keep|get){_EN_ASIDE})"
    r"|(?P<send>send\s+(?:you|it|them|over|the|your|a)|(?:e-?mail|text|whatsapp)\s+(?:you|over"
    r"|(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?|your\s+[\w-]+)\s+(?:to\s+you|over))"
    r"|(?:e-?mail|text|whatsapp)\s+(?:the|your|an?)\s+(?:[\w-]+\s+)?(?:payment|deposit|booking"
    r"|confirmation|invoice|receipt|details|link|quote|price\s+list|menu|form|contract|voucher)\w*)"
    r"|(?P<cancel>cancel)"
    r"|(?P<refund>refund|credit\s+(?:you|your))"
    r"|(?P<discount>apply\s+(?:a|the|an)\b[^,.;]*(?:discount|off|%|coupon|code)"
    r"|knock\s+\S+\s+off|take\s+\S+\s+off))\b"
    r"|\blet\s+me(?:\s+just)?\s+(?:"
    r"(?P<lbook>book\s+you|reserve|schedule|put\s+you\s+(?:down|in)|pencil\s+you"
    rf"|(?:put|set|get){_EN_ASIDE})"
    r"|(?P<lcancel>cancel)|(?P<lrefund>refund))\b"
)
_EN_DAY = r"(?:sun|mon|tues|wednes|thurs|fri|satur)day"
_EN_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A state only a booking or an action makes true.
_EN_STATE = re.compile(
    r"\b(?:you're|you\s+are|you've\s+been|you\s+have\s+been)(?:\s+(?:now|all|officially|also))*"
    r"\s+(?:all\s+set(?!\s+to\b)|set\s+for|booked(?!\s+up)|confirmed|registered|signed\s+up"
    r"|enrolled|on\s+(?:the|our)\s+(?:waiting\s+|wait\s+)?list|down\s+for|sorted|penciled"
    rf"|pencilled|added|in(?=\s*(?:[✅✔☑👍]|$))|in\s+for\s+(?:{_EN_DAY}|tomorrow|today|\d|the\s+\d))\b"
    r"|\b(?:i|we)\s+(?:have|'ve\s+got|got)\s+you\s+(?:down|booked|in|pencil+ed|on)\b"
    r"|\b(?:i|we)\s+have\s+(?:you|your\s+\w+)\s+(?:down|booked|pencil+ed)\b"
    r"|\b(?:it's|it\s+is|that's|that\s+is|all)\s+(?:all\s+)?(?:booked|confirmed|reserved|sorted"
    r"|arranged|set|done)(?=\s*(?:[!✅✔☑]|$|for\b|,))"
    r"|\bconsider\s+it\s+(?:done|booked)\b"
    r"|^\s*(?:your\s+)?(?:order|booking|appointment|reservation|table|spot|place|refund)\s+"
    r"(?:is\s+)?(?:confirmed|booked|placed|received|reserved|cancel+ed|processed|sent)"
    r"\s*(?:[✅✔☑👍]|$|and\b)"
    r"|^\s*(?:all\s+)?(?:done|sent|booked(?:\s+in)?|confirmed|reserved|sorted|cancel+ed)"
    r"\s*(?:[✅✔☑👍]|$)"
    # "Done, I've ...", "Sorted - ...": the reply opens by saying it is done
    r"|^\s*(?:all\s+)?(?:done|sorted|booked|reserved)\s*(?:,|\s[-–—]\s)"
    # ... or closes by saying so: "Two spots for Thursday evening, booked ✅"
    r"|(?:,|\s[-–—])\s*(?:all\s+)?(?:booked|reserved|confirmed|done|sorted)\s*(?:[✅✔☑👍]|$)"
    # "The 12th of May is all yours", "the 10:00 slot is yours"
    rf"|\b(?:{_EN_DAY}|(?:{_EN_MONTH})\s+\d+(?:st|nd|rd|th)?|(?:the\s+)?\d+(?:st|nd|rd|th)"
    rf"(?:\s+of\s+(?:{_EN_MONTH}))?|(?:the|your)\s+(?:[\w:'-]+\s+)?(?:slot|spot|table|date|place|seat"
    r"|room|unit|booking|reservation))\s+(?:is|are)\s+(?:all\s+)?yours\b"
)
_EN_BOOK_NOUN = (
    r"appointment|booking|reservation|table|slot|spot|place|seat|session|class|lesson|visit"
    r"|ride|pickup|pick-up|delivery|consultation|treatment|order|tour|room|stay|trial"
)
_EN_DONE_PARTICIPLE = (
    r"confirmed|booked|reserved|scheduled|rescheduled|set|locked\s+in|secured|held|saved"
    r"|registered|placed|approved|moved|changed|updated|arranged|in\s+the\s+system|cancel+ed"
    r"|refunded|processed|issued|credited|sent|e-?mailed|on\s+its\s+way|dispatched|shipped"
    r"|noted|recorded|logged|applied|added"
)
_EN_PASSIVE = re.compile(
    # "your appointment is confirmed", "your refund has been processed"
    rf"\byour\s+(?:\w+\s+){{0,3}}?(?P<noun>{_EN_BOOK_NOUN}|refund|money|credit|discount|invoice"
    r"|receipt|allergy|request|details|note|cancellation|voucher|payment|quote|confirmation)s?"
    r"(?:\s+(?:for|on|at|in)\s+[^,.;!?]*?)?"
    r"\s+(?P<be>is|are|'s|has\s+been|have\s+been|'s\s+been|was|were)(?:\s+(?:now|all|officially"
    rf"|just|already|been|successfully))*\s+(?P<done>{_EN_DONE_PARTICIPLE})\b"
)
_EN_PASSIVE_THING = re.compile(
    # "a 10% discount has been applied", "the invoice has been sent"
    rf"\b(?:a|an|the)\s+(?:[\w%-]+\s+){{0,3}}?(?P<noun>{_EN_BOOK_NOUN}|refund|credit|discount"
    r"|invoice|receipt|price\s+list|menu|quote|link|details|technician|courier|driver"
    r"|confirmation|reminder|payment|money|cancellation|note|allergy)s?"
    r"\s+(?P<be>has\s+been|have\s+been|'s\s+been|is\s+now|are\s+now|was\s+just)"
    rf"(?:\s+(?:now|all|just|already|successfully))*\s+(?P<done>{_EN_DONE_PARTICIPLE})\b"
)
_NOUN_FAMILY = {
    "refund": REFUND,
    "money": REFUND,
    "credit": REFUND,
    "payment": REFUND,
    "discount": DISCOUNT,
    "voucher": DISCOUNT,
    "allergy": NOTE,
    "note": NOTE,
    "request": NOTE,
    "details": NOTE,
    "invoice": SEND,
    "receipt": SEND,
    "price list": SEND,
    "menu": SEND,
    "quote": SEND,
    "link": SEND,
    "confirmation": SEND,
    "reminder": SEND,
    "technician": DISPATCH,
    "courier": DISPATCH,
    "driver": DISPATCH,
}


def _passive_family(match: re.Match[str]) -> str:
    done = match.group("done")
    if done.startswith("cancel"):
        return CANCEL
    noun = re.sub(r"\s+", " ", match.group("noun"))
    if done in ("on its way", "dispatched", "shipped"):
        return DISPATCH
    if noun in ("details", "request") and done in ("sent", "e-mailed", "emailed"):
        return SEND
    return _NOUN_FAMILY.get(noun, BOOK)


# A present passive followed by how it works is a description: "your order is shipped
# within 2 days", "your booking is confirmed by SMS".
_EN_PROCESS_TAIL = re.compile(  # read with .match(sentence, position)
    r"\s*(?:by|via|through|within|after|once|when|upon|on\s+arrival|automatically|only|the\s+day"
    r"|as\s+soon|in\s+\d|usually|normally|always|for\s+(?:up\s+to\s+|the\s+first\s+)?(?:\d+"
    r"|an?|one|two|three|five|ten|fifteen|twenty|thirty|half\s+an?)\s*-?\s*(?:minutes?|mins?"
    r"|hours?|hrs?|days?|weeks?)|up\s+to|free\s+of|at\s+no)\b"
)
# "May 12th is booked for you", "it's been put aside under your name": held for this customer.
_EN_HELD_FOR_YOU = re.compile(
    r"\b(?P<be>is|are|'s|'re|has\s+been|have\s+been|'s\s+been|'ve\s+been|was|were)"
    r"(?:\s+(?:now|all|officially|just|already|been|successfully))*\s+(?:booked|reserved|held|saved"
    r"|set\s+aside|put\s+aside|kept(?:\s+aside)?|pencil+ed\s+in|locked\s+in|secured|confirmed"
    r"|blocked(?:\s+(?:out|off))?|on\s+hold)"
    r"\s+(?:for\s+you(?:\s+(?:both|all|two))?|under\s+your\s+name|in\s+your\s+name"
    r"|for\s+your\s+(?:party|group|family|event|birthday|celebration|class|team))\b"
)
# Who is held for: a thing ("it", "the 12th", "May 12th", "2 bottles"), not a rule about
# things ("tables are held for you for 15 minutes").
_EN_HELD_SUBJECT = re.compile(
    r"\b(?:it|that|this|they|these|those|everything|both|your|the|one|an?|my)\b|\d"
    rf"|\b{_EN_DAY}\b|\b(?:{_EN_MONTH})\b"
    r"|^\s*(?:it's|that's|they're)"
)
_EN_ON_THE_WAY = re.compile(
    # a person: "Dudi's on his way", "a technician is on her way"
    r"\b(?:is|are|'s|'re)\s+(?:already\s+|now\s+)?(?:on\s+(?:his|her|their)\s+way"
    r"|heading\s+(?:over|to\s+you|your\s+way))\b"
    # or something sent: "your order is on its way"
    r"|\b(?:order|package|parcel|delivery|pizza|pizzas|food|flowers|bouquet|courier|driver|rider"
    r"|messenger|motorcyclist|cyclist"
    r"|technician|plumber|electrician|locksmith|someone|somebody|team|van|taxi|details|quote"
    r"|invoice|confirmation|link|receipt|voucher|e-?mail)s?\s+(?:is|are|'s|'re)\s+(?:already\s+|now\s+)?(?:on\s+(?:its|the"
    r"|their)\s+way|en\s+route|being\s+(?:prepared|sent))\b"
)
_EN_SEE_YOU = re.compile(
    rf"\bsee\s+you\s+(?:then|there\s+then|(?:on\s+)?(?:this\s+|next\s+)?{_EN_DAY}"
    r"|(?:tomorrow\s+)?at\s+\d|on\s+the\s+\d)"
)
_EN_HANDOFF = re.compile(
    r"\b(?:will|'ll|is\s+going\s+to|are\s+going\s+to)(?:\s+(?:personally|also|then))*\s+(?:"
    r"call|ring|phone|contact|text|message|e-?mail|get\s+back|reach\s+out|be\s+in\s+touch"
    r"|get\s+in\s+touch|follow\s+up|reply|respond|answer|return\s+your\s+call|confirm|send"
    r"|look\s+into|(?P<arrival>come\s+(?:over|by|to)|be\s+(?:there|with\s+you|back|ready)|arrive"
    r"|have\s+(?:it|them|that|this|everything|(?:your|the)\s+[\w-]+(?:\s+[\w-]+)?)\s+ready"
    r"|reach\s+you|be\s+delivered|get\s+there|show\s+up))\b"
    r"|\byou'll\s+(?:hear\s+(?:back|from)|get\s+a\s+(?:call|reply|response|message|answer)"
    r"|receive\s+a\s+(?:call|reply|response))\b"
)
_EN_PROMISED_TIME = re.compile(
    r"\b(?:within|in)\s+(?:the\s+next\s+|about\s+|around\s+|less\s+than\s+|under\s+|the\s+|an?\s+)?"
    r"(?:\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|half\s+an?|a\s+few|few|a\s+couple"
    r"\s+of|couple\s+of)?\s*-?\s*(?:minutes?|mins?|hours?|hrs?|days?|business\s+days?|working"
    r"\s+days?)\b|\b(?:today|tonight|tomorrow)\b|\bthis\s+(?:morning|afternoon|evening)\b"
    r"|\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|today)\b|\bby\s+(?:\d|noon|tonight|lunch)"
    rf"|\bby\s+(?:this\s+|next\s+)?{_EN_DAY}\b"
    r"|\b(?:right\s+away|immediately|straight\s+away|right\s+now|within\s+the\s+hour)\b"
)
# "you'll get a reminder SMS", "we'll send you a confirmation e-mail": the business's process.
_EN_PROCESS = re.compile(
    r"\b(?:you'll|you\s+will)(?:\s+(?:also|then|automatically))*\s+(?:get|receive|be\s+sent"
    r"|be\s+e-?mailed|be\s+texted)\b"
    r"|\b(?:we'll|we\s+will)(?:\s+(?:also|then|automatically))*\s+(?:send|e-?mail|text|whatsapp)"
    r"\s+you\b"
)
_EN_PASS_ON = re.compile(
    r"\b(?:pass(?:ed|ing)?|forward(?:ed|ing)?|hand(?:ed|ing)?\s+(?:over|on)|transfer(?:red|ring)?"
    r"|let\s+(?:the\s+)?\w+\s+know|sent|send(?:ing)?)\b[^.!?]*?\bto\s+(?:the|our|my|a)\s+"
    r"(?:team|staff|manager|owner|office|colleague|technician|reception|human|person|member)"
)

_EN_NEGATION = re.compile(
    r"\b(?:not|never|cannot|unable|no\s+way|without)\b|n't\b|\bno\b(?!\s+(?:problem|worries))"
)
# "until you confirm" is a condition; "until Friday" is how long the thing is held.
_EN_UNTIL = r"until\s+(?:you|we|i|they|he|she|it|there|the\s+\w+\s+(?:is|are|has|have))"
_EN_CONDITION_BEFORE = re.compile(
    rf"\b(?:if|once|when|whenever|unless|after|as\s+soon\s+as|{_EN_UNTIL}|before|in\s+case|whether"
    r"|would\s+you|do\s+you\s+want|want\s+me|shall\s+i|should\s+i|can\s+i|may\s+i|could\s+i"
    r"|happy\s+to|glad\s+to|able\s+to|i\s+can|we\s+can|i\s+could|we\s+could|you\s+can"
    r"|you\s+could|feel\s+free|as\s+i|like\s+i)\b"
)
_EN_CONDITION_AFTER = re.compile(
    rf"\b(?:if|once|when|whenever|unless|after\s+you|as\s+soon\s+as|{_EN_UNTIL}|in\s+case|provided)\b"
)

# --- Hebrew ----------------------------------------------------------------------------------

_HE_DONE_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:(?:רשמתי|רשמנו|קבעתי|קבענו|שריינתי|הזמנתי|הזמנו|תיאמתי|תאמתי|תיאמנו|תאמנו|אישרתי"
        r"|אישרנו|הכנסתי|הכנסנו|הוספתי|הוספנו|סידרתי|סידרנו|סדרתי|סדרנו)"
        # ... for the customer: "קבעתי לכם", "רשמתי אותך", "הוספתי פטריות להזמנה שלך"
        rf"(?=[^,.;!?\n]*?(?:{_HB}(?:ל(?:ך|כם|כן)|אות(?:ך|כם|כן)|אלי(?:ך|יך)|תור|מקום|שולחן|פגישה"
        rf"|להזמנה|ההזמנה|ליום|למחר|לשעה|ביומן|ליומן|במערכת|לרשימ[{HE}]*|בצד|עבור(?:ך|כם|כן)"
        rf"|בשביל(?:ך|כם|כן)){_HE_END}|על\s+(?:ה)?שמ|(?:ל|ב)-?\d|✅|✔)"
        # "רשמתי את נועה לצהרון": someone named (not "את המחירים"), entered for something
        rf"|\s+את\s+(?!ה)[{HE}]+\s+ל-?[{HE}]{{2,}})"
        # "שמתי אותך ביומן", "שמתי לך בצד 2 בקבוקים", "הפרשתי לכם", "תפסתי לך מקום"
        # "החלפתי לך את התור", "הזזתי את ההזמנה", "שיניתי את השעה"
        r"|(?:החלפתי|החלפנו|שיניתי|שינינו|הזזתי|הזזנו)(?=(?:\s+(?:לך|לכם|לכן))?\s+את\s+(?:ה)?(?:תור"
        r"|הזמנה|פגישה|שעה|תאריך|טיפול|שיעור|ביקור|מועד))"
        r"|(?:שמתי|שמנו|הנחתי|הנחנו|הפרשתי|הפרשנו|החזקתי|החזקנו|שמרתי|שמרנו|תפסתי|תפסנו)"
        rf"(?=\s+(?:לך|לכם|לכן|עבורך|עבורכם|בשבילך|בשבילכם|אותך|אותכם|אותכן){_HE_END}"
        rf"|[^,.;!?\n]*?{_HB}בצד{_HE_END}|[^,.;!?\n]*?{_HB}על\s+(?:ה)?שמ)"
        r"|סגרתי\s+לך|סגרנו\s+לך|סגרנו\s+לכם|סגרתי\s+לכם"
        r"|העברתי\s+את\s+(?:ה)?(?:תור|הזמנה|פגישה)|העברנו\s+את\s+(?:ה)?(?:תור|הזמנה|פגישה)"
        r"|עדכנתי\s+את\s+(?:ה)?(?:תור|הזמנה|פגישה|שעה)|דחיתי(?=\s+את)|הקדמתי(?=\s+את)|שמרתי(?=\s+ל)"
        r"|שמרנו(?=\s+ל)|(?:כבר\s+|אנחנו\s+)שריינו|שריינו\s+(?:לך|לכם|לכן))",
        BOOK,
    ),
    (
        r"(?:העברתי|העברנו|(?:עדכנתי|עדכנו)(?=\s+(?:את\s+)?(?!ה?(?:מחיר|הנחה|תור|הזמנה|פגישה|שעה))"
        r"[^\s,.]+)|(?:הודעתי|הודענו|אמרתי|יידעתי)(?=\s*ל(?!ך|כם))"
        r"|שלחתי(?=\s+את\s+(?:ה)?(?:פרטים|בקשה|פנייה)\s+ל)"
        rf"|(?:ביקשתי|ביקשנו)(?=\s+מ(?!מך|מכם)[{HE}]))",
        RELAY,
    ),
    (
        r"(?:בדקתי|בדקנו|וידאתי|וידאנו|דיברתי|שאלתי|התייעצתי)(?=\s*(?:עם|מול|במערכת|ביומן|ב?לוח|את\s+ה))",
        CHECK,
    ),
    (r"(?:ביטלתי|ביטלנו|ביטלתי\s+לך)", CANCEL),
    (
        r"(?:החזרתי|החזרנו|זיכיתי|זיכינו)(?=\s*(?:לך|לכם|אותך|אתכם|את\s+ה(?:כסף|תשלום|סכום)|את\s+הכרטיס))",
        REFUND,
    ),
    (
        r"(?:הורדתי|הורדנו|נתתי|נתנו|החלתי|הפעלתי|הפעלנו|עדכנתי|עדכנו)"
        r"(?=[^,.;!?]*(?:הנח|%|אחוז|קופון|קוד|מחיר))"
        # "ויתרתי לך על דמי הביטול", "שדרגתי אתכם לסוויטה"
        r"|(?:ויתרתי|ויתרנו)(?=(?:\s+(?:לך|לכם|לכן))?\s+על)|(?:שדרגתי|שדרגנו)(?=\s+(?:אות|את|לך|לכם))",
        DISCOUNT,
    ),
    (
        r"(?:שלחתי|שלחנו)(?=\s*(?:(?:כבר|עכשיו|הרגע)\s+)?(?:ל(?:ך|כם|כן)|אלי(?:ך|יך)|אליכם|את\s+ה"
        r"|במייל|בווטסאפ|בוואטסאפ|ב-?sms|בהודעה|קישור|לינק))",
        SEND,
    ),
)
_HE_DONE = tuple((re.compile(_HP + verbs + _HE_END), family) for verbs, family in _HE_DONE_VERBS)
_HE_DOING = re.compile(
    _HP + r"(?:אני\s+(?:כבר\s+|עכשיו\s+|מיד\s+)?)(?:"
    r"(?P<book>רושם|רושמת|קובע|קובעת|משריין|משריינת|מכניס|מכניסה|מוסיף|מוסיפה|מתאם|מתאמת"
    r"|שומר|שומרת)"
    r"|(?P<send>שולח|שולחת)"
    r"|(?P<cancel>מבטל|מבטלת)"
    r"|(?P<refund>מזכה|מחזיר|מחזירה)"
    r")(?=\s*(?:אות(?:ך|כם|כן)|ל(?:ך|כם|כן)|אלי(?:ך|יך)|אליכם|את|עכשיו|כבר))"
)
_HE_WILL = re.compile(
    rf"{_HB}ו?(?:"
    r"(?P<book>ארשום|אקבע|אשריין|אזמין\s+לך|אזמין\s+לכם|אכניס|אוסיף|אתאם|אשמור\s+ל)"
    r"|(?P<send>אשלח|אשלח)"
    r"|(?P<cancel>אבטל)"
    r"|(?P<refund>אזכה|אחזיר\s+לך)"
    r"|(?P<discount>אוריד\s+לך|אתן\s+לך\s+הנחה)"
    rf")(?=\s*(?:אות(?:ך|כם|כן)|ל(?:ך|כם|כן)|אלי(?:ך|יך)|אליכם|את|עכשיו|מיד|כבר|[{HE}]))"
)
_HE_STATE = re.compile(
    # "התור שלך נקבע", "ההזמנה שלכם אושרה", "הזיכוי בוצע"
    rf"{_HB}(?:ה)?(?P<noun>תור|תורים|הזמנה|הזמנות|פגישה|שולחן|מקום|טיפול|שיעור|אימון|ביקור"
    r"|משלוח|החזר|החזר\s+הכספי|זיכוי|כסף|הנחה|ביטול|חשבונית|קבלה|הצעת\s+המחיר|בקשה|פרטים"
    r"|תשלום|העברה|הרשמה)"
    # "שלך", or what it is for: "התשלום לחודש אושר", "ההרשמה לשנה הבאה נקלטה"
    rf"(?:\s+(?:שלך|שלכם|שלכן|שלך\s+ל[{HE}]+))?(?:\s+ל(?!א{_HE_END})[{HE}]+(?:\s+הבא(?:ה)?)?)?"
    r"\s+(?:כבר\s+|עכשיו\s+)?(?P<done>נקבע|נקבעה|נקבעו|אושר|אושרה|אושרו|מאושר|מאושרת|מאושרים"
    r"|נרשם|נרשמה|נרשמו|רשום|רשומה|שוריין|שוריינה|משוריין|משוריינת|שמור|שמורה|נקלט|נקלטה"
    r"|נקלטו|עודכן|עודכנה|הועבר|הועברה|סגור|סגורה|נסגר|נסגרה|בוצעה|בוצע|בוטל|בוטלה|בוטלו|נשלח"
    r"|נשלחה|נשלחו|יצא|יצאה|בדרך|הוחלה|הופעלה|נכנסה|נכנס|עבר|הוחזר|הוחזרה|התקבל|התקבלה"
    r"|התקבלו)"
    rf"{_HE_END}"
    # "את רשומה", "אתה רשום אצלנו", "הכל מסודר", "נרשמת בהצלחה"
    rf"|{_HB}(?:את|אתה|אתם|אתן)\s+(?:כבר\s+|עכשיו\s+)?(?:רשום|רשומה|רשומים|רשומות"
    rf"|מאושר|מאושרת|מאושרים|בפנים|ברשימה)(?![{HE}])"
    rf"|{_HB}(?:רשום|רשומה|רשומים)\s+(?:אצלנו|במערכת|ברשימה){_HE_END}"
    rf"|{_HB}(?:הכל|הכול)\s+(?:כבר\s+)?(?:מסודר|סגור|מאושר|בוצע|רשום){_HE_END}"
    rf"|{_HB}נרשמת\s+בהצלחה"
    rf"|^\s*(?:בוצע|סגרנו|נרשם|נקבע|נשלח|בוטל|מאושר|אושר|רשמתי|רשום)\s*(?:[✅✔☑👍]|$)"
    # "2 מקומות לחמישי בערב, משוריין ✅"
    rf"|(?:,|\s[-–])\s*(?:משוריין|משוריינת|משוריינים|נקבע|נרשם|שמור|שמורים|בוצע|מאושר|סגור)"
    rf"\s*(?:[✅✔☑👍]|$)"
)
# "התאריך שמור לכם", "היחידה משוריינת לך", "2 בקבוקים מחכים לך בצד על שמך": held for you.
_HE_HELD_FOR_YOU = re.compile(
    rf"{_HB}(?:שמור|שמורה|שמורים|שמורות|משוריין|משוריינת|משוריינים|משוריינות|שוריין|שוריינה"
    r"|שוריינו|נשמר|נשמרה|נשמרו|סגור|סגורה|סגורים|רשום|רשומה|רשומים|מונח|מונחת|מונחים"
    r"|הונח|הונחה|הונחו|הופרש|הופרשה|הופרשו|נעול|נעולה|נעולים|מוכן|מוכנה|מוכנים|מוכנות)"
    r"\s+(?:כבר\s+|עכשיו\s+)?(?:בצד\s+)?(?:לך|לכם|לכן|עבורך|עבורכם|עבורכן|בשבילך|בשבילכם"
    rf"|על\s+שמך|על\s+שמכם|על\s+השם\s+שלך){_HE_END}"
)
# A present state followed by how long or when it holds is a rule, not something done:
# "המקום שמור לכם 15 דקות", "התור נשמר ל-10 דקות בלבד", "סגור בשבת".
_HE_RULE_TAIL = re.compile(
    rf"\s*(?:(?:לך|לכם|לכן)\s+)?(?:ל-?\s?\d|\d+\s*(?:דקות|שעות|ימים)|למשך|במשך|רק{_HE_END}|בלבד"
    rf"|אם{_HE_END}|במידה|כש[{HE}]|תוך|אחרי|לאחר|עד\s+\d+\s*(?:דקות|שעות|ימים)|החל)"
)
_HE_CLOSED = re.compile(r"סגור|סגורה|נסגר|נסגרה")
_HE_CLOSED_WHEN = re.compile(
    rf"\s*(?:ב?שבת|בימי|בחג|בחגים|ביום|בערב|בבוקר|היום|מחר|עד|בין)(?![{HE}])"
)


def _he_rule(match: re.Match[str], sentence: str) -> bool:
    """ "המקום סגור בשבת": the place is closed, a fact about the business; "המקום שמור לכם
    15 דקות": a rule. Neither says a booking was made."""
    done = match.group("done")
    if done is None:
        return False
    if _HE_CLOSED.fullmatch(done) and match.group("noun") == "מקום":
        # The place is closed, unless it is closed for the customer: "המקום סגור לך".
        return not re.match(r"\s*(?:לך|לכם|לכן)" + _HE_END, sentence[match.end() :])
    if _HE_CLOSED.fullmatch(done) and _HE_CLOSED_WHEN.match(sentence, match.end()):
        return True  # "הסניף סגור בשבת"
    return bool(_HE_RULE_TAIL.match(sentence, match.end()))


_HE_NOUN_FAMILY = {
    "החזר": REFUND,
    "החזר הכספי": REFUND,
    "זיכוי": REFUND,
    "כסף": REFUND,
    "הנחה": DISCOUNT,
    "ביטול": CANCEL,
    "חשבונית": SEND,
    "קבלה": SEND,
    "הצעת המחיר": SEND,
    "משלוח": DISPATCH,
    "בקשה": NOTE,
    "פרטים": NOTE,
}


def _he_state_family(match: re.Match[str]) -> str:
    noun, done = match.group("noun"), match.group("done")
    if noun is None:
        return BOOK
    if done and done.startswith("בוטל"):
        return CANCEL
    if done and done.startswith("נשלח") and noun in ("בקשה", "פרטים"):
        return SEND
    return _HE_NOUN_FAMILY.get(re.sub(r"\s+", " ", noun), _word_family(match.group()))


def _word_family(said: str) -> str:
    """ "Sent ✅", "בוטל": the family a one-word state names."""
    if re.search(rf"\bsent\b|{_HB}נשלח", said):
        return SEND
    if re.search(rf"\bcancel|{_HB}בוטל", said):
        return CANCEL
    return BOOK


_HE_NOTE = re.compile(
    rf"{_HP}(?:רשמתי|רשמנו)\s+(?:לפני|לפנינו|לעצמי|לעצמנו|במערכת|בתיק|את\s+ה(?:הערה|אלרגיה|בקשה))"
)
_HE_WAITING = re.compile(
    rf"{_HB}(?:מחכים|מחכה|מחכות|נחכה|נתראה|נפגש|נפגשים|מצפים)\s+(?:לך|לכם|לכן|לראותך|לראותכם)?"
    rf"[^,.;!?\n]*?(?:{_HB}ב?יום\s+[{HE}]+|{_HB}מחר|{_HB}ב-?\s?\d|{_HB}בשעה\s?\d|{_HB}ב?שעה\s+\d|\d{{1,2}}:\d\d)"
)
_HE_ON_THE_WAY = re.compile(
    rf"{_HB}(?:ה)?(?:טכנאי|טכנאית|שליח|שליחה|נהג|נהגת|מתקין|אינסטלטור|חשמלאי|צוות|נציג|נציגה)"
    rf"\s+(?:שלנו\s+)?(?:כבר\s+)?(?:בדרך|יוצא|יוצאת|יצא|יצאה|נוסע|נוסעת)(?![{HE}])"
    rf"|{_HB}(?:בדרך|בדרכו|בדרכה)\s+(?:אלי(?:ך|יך)|אליכם|אליכן){_HE_END}"
)
_HE_HANDOFF = re.compile(
    rf"{_HB}ו?(?:"
    r"יחזור|תחזור|יחזרו|נחזור|אחזור|יתקשר|תתקשר|יתקשרו|נתקשר|אתקשר|ייצור|יצור|תיצור|ייצרו|יצרו"
    r"|ניצור|יהיה\s+בקשר|תהיה\s+בקשר|יהיו\s+בקשר|נהיה\s+בקשר|יענה|תענה|יענו|ישלח|תשלח|ישלחו"
    r"|יאשר|תאשר|יאשרו|ייתן\s+מענה|תיתן\s+מענה|יטפל|תטפל|יטפלו"
    r"|(?P<arrival>יגיע|תגיע|יגיעו|נגיע|אגיע|ייצא|תצא|יצאו|יהיה\s+מוכן|תהיה\s+מוכנה|יהיו\s+מוכנים"
    r"|נכין|אכין|נסיים|אסיים)"
    rf"|תקבל\s+(?:תשובה|מענה|שיחה|טלפון)|תקבלי\s+(?:תשובה|מענה|שיחה|טלפון)"
    rf"|תקבלו\s+(?:תשובה|מענה|שיחה|טלפון)){_HE_END}"
)
_HE_PROMISED_TIME = re.compile(
    rf"{_HB}(?:תוך|בתוך|בעוד|עד)\s+(?:כ-?\s?)?(?:\d+\s*)?(?:חצי\s+)?(?:שעה|שעתיים|שעות|דקה|דקות|"
    rf"כמה\s+דקות|כמה\s+שעות|יום|יומיים|ימים|סוף\s+היום|הערב|מחר|הצהריים|\d+){_HE_END}"
    rf"|{_HB}(?:עוד\s+)?היום{_HE_END}|{_HB}הערב{_HE_END}|{_HB}מחר{_HE_END}"
    rf"|{_HB}(?:מיד|מייד|מיידית|תכף){_HE_END}|{_HB}ב(?:שעה|דקות|שעות)\s+הקרוב(?:ה|ות){_HE_END}"
)
_HE_PROCESS = re.compile(
    rf"{_HB}ו?(?:תקבל|תקבלי|תקבלו|(?:יישלח|יישלחו|תישלח)\s+(?:לך|אליך|אלייך|לכם|אליכם)"
    rf"|נשלח\s+(?:לך|לכם|אליך|אלייך|אליכם)(?=\s*(?:את\s+)?(?:תזכורת|אישור|הודעה|הודעת|sms|מייל|קישור|לינק|חשבונית|קבלה|מסרון)))"
    rf"{_HE_END}"
)
_HE_PASS_ON = re.compile(
    rf"{_HB}ו?(?:העברתי|העברנו|אעביר|נעביר|מעביר|מעבירה|העבירו|שלחתי|שלחנו|אשלח|נשלח|עדכנתי"
    rf"|עדכנו|אעדכן|נעדכן)[^.!?\n]*?{_HB}(?:ל|אל\s+)(?:ה)?(?:צוות|נציג|נציגה|מנהל|מנהלת|בעלים"
    rf"|משרד|טכנאי|[{HE}]{{2,}}\s+(?:ו|ש)(?:הוא|היא|הם))"
    rf"|{_HB}ו?(?:העברתי|העברנו|אעביר|נעביר)\s+את\s+(?:ה)?(?:פרטים|בקשה|פנייה|הודעה|שאלה|מספר)"
)
_HE_NEGATION = re.compile(
    rf"{_HB}(?:לא|אין|אינני|איני|אינו|אינה|טרם|בלי|ללא|אסור|אי\s+אפשר)(?![{HE}])"
)
_HE_CONDITION_BEFORE = re.compile(
    rf"{_HB}(?:אם|ברגע|במידה|לכשת\w*|אחרי\s+ש|לאחר\s+ש|כש[{HE}]+|כאשר|האם|רוצה|רוצים|תרצה|תרצי"
    rf"|תרצו|אשמח|נשמח|אפשר|ניתן|אוכל|נוכל|יכול|יכולה|יכולים|תוכל|תוכלי|תוכלו|בוא|בואי|בואו"
    rf"|כמו\s+ש|כפי\s+ש|לפני\s+ש)(?![{HE}])"
)
_HE_CONDITION_AFTER = re.compile(
    rf"{_HB}(?:אם|ברגע\s+ש|במידה\s+ו|לאחר\s+ש|אחרי\s+ש|כש[{HE}]+|לכשת[{HE}]*)(?![{HE}])"
)

# --- the customer's own statement ------------------------------------------------------------

_CONFIRMED = re.compile(rf"\bconfirm|{_HB}(?:ה)?(?:אושר|אושרה|מאושר|מאושרת)")
_CUSTOMER_DID = re.compile(
    r"\bi(?:'ve|\s+have|\s+already|\s+just)*\s+(?:booked|reserved|scheduled|made\s+(?:a|an|the)"
    r"|cancel+ed|paid|ordered|sent|received|got\s+(?:a|the|your))\b"
    r"|\bi\s+have\s+(?:a|an)\s+(?:booking|appointment|reservation)\b"
    rf"|{_HB}ו?(?:קבעתי|הזמנתי|רשמתי|שריינתי|ביטלתי|שילמתי|קיבלתי|נרשמתי){_HE_END}"
    rf"|{_HB}יש\s+לי\s+(?:תור|הזמנה|פגישה){_HE_END}"
)
# The customer says they are coming: "see you then" is theirs, but "Done ✅", "I've put it
# aside" are not ("put aside 2 bottles for me? I'll come tomorrow").
_CUSTOMER_COMING = re.compile(
    r"\b(?:i'll|i\s+will|we'll|we\s+will)\s+(?:come|drop|pop|be\s+there|stop|swing|walk)\b"
    r"|\bi'm\s+coming\b"
    rf"|{_HB}ו?(?:אגיע|נגיע|אבוא|נבוא|אקפוץ|נקפוץ|אני\s+מגיע|אני\s+מגיעה|אנחנו\s+מגיעים){_HE_END}"
)

# --- the knowledge base: which lines speak to the claim -------------------------------------

_KB_FAMILY = {
    BOOK: re.compile(
        r"\b(?:book\w*|appointment\w*|reserv\w*|schedul\w*|walk-?ins?|slots?)\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:תור|תורים|הזמנה|הזמנות|לקבוע|קביעת|שריון|להזמין|הרשמה|להירשם)"
    ),
    SEND: re.compile(
        r"\b(?:send|sent|e-?mail|sms|text|whatsapp|invoice|receipt|reminder|confirmation)\w*\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:שולח\w*|נשלח\w*|מייל|וואטסאפ|ווטסאפ|תזכורת|חשבונית|קבלה|אישור)"
    ),
    CANCEL: re.compile(r"\bcancel\w*\b" + rf"|{_HB}(?:ו|ה|ב|ל)?(?:ביטול\w*|לבטל|ביטולים)"),
    REFUND: re.compile(
        r"\b(?:refund\w*|money\s+back|credit\w*|return\w*)\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:החזר\w*|זיכוי\w*|ביטול\w*)"
    ),
    DISCOUNT: re.compile(
        r"\b(?:discount\w*|coupon\w*|promo\w*|off)\b|%"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:הנח\w*|קופון\w*|קוד)"
    ),
    NOTE: re.compile(
        r"\b(?:allerg\w*|note\w*|let\s+us\s+know|tell\s+us|inform)\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:אלרגי\w*|לעדכן|עדכנו|ליידע|הערה|הערות)"
    ),
    DISPATCH: re.compile(
        r"\b(?:technician\w*|visit\w*|arriv\w*|call-?out|emergenc\w*|dispatch\w*|deliver\w*"
        r"|ready)\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:טכנאי\w*|ביקור|הגעה|קריאה|קריאת|חירום|משלוח\w*|מוכן\w*)"
    ),
    HANDOFF: re.compile(
        r"\b(?:phone|call\w*|whatsapp|e-?mail|contact\w*|repl\w*|respond\w*|response|answer\w*"
        r"|get\s+back|message\w*)\b"
        rf"|{_HB}(?:ו|ה|ב|ל)?(?:טלפון|וואטסאפ|ווטסאפ|מייל|קשר|חוזרים|נחזור|עונים|מענה|תשובה|הודעה)"
    ),
}
# Words that say a line is about the business replying or calling back.
_KB_REPLIES = re.compile(
    r"\b(?:repl\w*|respond\w*|response|answer\w*|get\s+back|call\s+(?:you\s+)?back|callback"
    r"|return\w*\s+(?:all\s+)?(?:calls|messages)|contact\s+you|be\s+in\s+touch)\b"
    rf"|{_HB}(?:ו|ה|ב|ל)?(?:חוזרים|נחזור|נחזיר|עונים|נענה|מענה|תשובה|תגובה|זמן\s+תגובה|ניצור\s+קשר"
    rf"|יוצרים\s+קשר|מתקשרים|נתקשר){_HE_END}"
)
# Words that say a line is about arriving, delivering or being ready.
_KB_ARRIVES = re.compile(
    r"\b(?:arriv\w*|deliver\w*|ready|ship\w*|dispatch\w*|turnaround|on\s+site|come\s+to\s+you"
    r"|there\s+in|back\s+to\s+you|pick-?up|collection)\b"
    rf"|{_HB}(?:ו|ה|ב|ל)?(?:מגיע\w*|נגיע|הגעה|משלוח\w*|מוכן|מוכנה|מוכנים|נמסר\w*|מסירה|איסוף"
    rf"|חוזר\w*|יחזור|תחזור){_HE_END}"
)
_KB_SENDS = re.compile(
    r"\b(?:send|sends|sent|e-?mailed|texted|receive|get|gets|automatic\w*|by\s+(?:sms|e-?mail"
    r"|text|whatsapp)|via)\b"
    rf"|{_HB}(?:ו|ה)?(?:שולח|שולחת|שולחים|נשלח|נשלחת|נשלחים|יישלח|תישלח|מקבל|מקבלים|תקבל|תקבלו"
    rf"|תקבלי|ב-?sms|במייל|בווטסאפ|בוואטסאפ|בהודעה|במסרון){_HE_END}"
)
# What can be sent: (in the reply, in the knowledge base).
_SENT_THINGS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(claim), re.compile(kb))
    for claim, kb in (
        (r"\bremind\w*|תזכורת|תזכורות", r"\bremind\w*|תזכורת|תזכורות"),
        (r"\bconfirm\w*|אישור", r"\bconfirm\w*|אישור|מאשרים|נאשר"),
        (
            r"\b(?:sms|text\s+message|text)\b|מסרון|sms",
            r"\b(?:sms|texts?|text\s+messages?)\b|מסרון",
        ),
        (r"\be-?mail\w*|מייל|דוא\"ל", r"\be-?mail\w*|מייל|דוא\"ל"),
        (r"\bwhatsapp\b|וו?אטסאפ", r"\bwhatsapp\b|וו?אטסאפ"),
        (r"\binvoice\w*|חשבונית", r"\binvoice\w*|חשבונית"),
        (r"\breceipt\w*|קבלה", r"\breceipt\w*|קבלה"),
        (r"\bquote\b|הצעת\s+מחיר", r"\bquote\w*|הצעת\s+מחיר|הצעות\s+מחיר"),
        (r"\blink\b|קישור|לינק", r"\blink\w*|קישור|לינק"),
        (r"\btracking\b|מספר\s+מעקב", r"\btracking\b|מעקב"),
        (r"\bcall\b|שיחה|טלפון", r"\bcall\w*|שיחה|טלפון|מתקשרים|נתקשר"),
        (r"\bvoucher\w*|שובר", r"\bvoucher\w*|שובר"),
        (r"\bmenu\b|תפריט", r"\bmenu\b|תפריט"),
        (r"\bprice\s+list\b|מחירון", r"\bprice\s+list\b|מחירון"),
        (r"\bcontract\b|חוזה", r"\bcontract\b|חוזה"),
        (r"\bform\b|טופס", r"\bform\b|טופס"),
    )
)
_TIME_UNITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern))
    for unit, pattern in (
        ("minute", r"\bmin(?:ute)?s?\b|דקה|דקות"),
        ("hour", r"\bhours?\b|\bhrs?\b|שעה|שעות|שעתיים"),
        (
            "day",
            r"\b(?:business\s+|working\s+)?days?\b|יום|ימים|יומיים|end\s+of\s+(?:the\s+)?day|סוף\s+היום",
        ),
        ("today", r"\btoday\b|\bsame\s+day\b|היום|באותו\s+יום"),
        ("tomorrow", r"\btomorrow\b|\bnext\s+day\b|מחר|למחרת"),
        (
            "now",
            r"\bright\s+away\b|\bimmediately\b|\bstraight\s+away\b|\bright\s+now\b|מיד|מייד|מיידית|תכף",
        ),
    )
)


_EVIDENCE_OF = {RELAY: HANDOFF, CHECK: HANDOFF, ARRIVAL: DISPATCH}


@dataclass(frozen=True)
class _Knowledge:
    lines: tuple[str, ...]  # stripped, as written
    folded: tuple[str, ...]  # normalised, for matching


@lru_cache(maxsize=256)
def _knowledge(knowledge_base: str) -> _Knowledge:
    lines = [line.strip() for line in knowledge_base.splitlines() if line.strip()]
    return _Knowledge(tuple(lines), tuple(normalise(line).text for line in lines))


@lru_cache(maxsize=1024)
def _evidence(knowledge_base: str, family: str) -> tuple[str, ...]:
    kb = _knowledge(knowledge_base)
    pattern = _KB_FAMILY[_EVIDENCE_OF.get(family, family)]
    found = [
        line for line, folded in zip(kb.lines, kb.folded, strict=True) if pattern.search(folded)
    ]
    return tuple(found[:3])


def _time_units(text: str) -> set[str]:
    return {unit for unit, pattern in _TIME_UNITS if pattern.search(text)}


@lru_cache(maxsize=1024)
def _kb_promises_time(knowledge_base: str, support: str) -> bool:
    """A knowledge-base line about replying, calling back or arriving states a time: then
    the promise is the business's own (whether the times agree is the numbers' check)."""
    patterns = {"reply": (_KB_REPLIES,), "arrive": (_KB_ARRIVES,)}.get(
        support, (_KB_REPLIES, _KB_ARRIVES)
    )
    return any(
        _time_units(folded) and any(pattern.search(folded) for pattern in patterns)
        for folded in _knowledge(knowledge_base).folded
    )


def _kb_sends(kb: _Knowledge, clause: str) -> bool:
    """A knowledge-base line says the business sends each thing the clause promises."""
    things = [kb_pattern for claim, kb_pattern in _SENT_THINGS if claim.search(clause)]
    if not things:
        return False
    return any(
        _KB_SENDS.search(folded) and all(thing.search(folded) for thing in things)
        for folded in kb.folded
    )


# --- reading the reply -----------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"\n+|[.!?]+(?=\s|$)")
_CLAUSE_BREAK = re.compile(r"[,;]|:(?!\d)|\s[-–]\s|\s(?:but|although|though)\s|\sאבל\s|\sאך\s")


@dataclass(frozen=True)
class _Hit:
    start: int  # in the normalised sentence
    end: int
    family: str
    # "promised" claims a knowledge-base line can support: a time, or a thing sent.
    support: str = ""  # "", "sent", or the time of a "reply", an "arrive" or "either"
    state: bool = False  # a state the customer may have stated first
    meeting: bool = False  # "see you Tuesday", "מחכים לך": true when the customer is coming
    promise: bool = False  # "I'll send", "אני שולחת": passing a request on is no claim


def _group_family(match: re.Match[str]) -> str:
    for name, value in match.groupdict().items():
        if value is not None:
            return name.removeprefix("l")
    return BOOK


def _hits(sentence: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for pattern, family, is_we in _EN_DONE:
        for match in pattern.finditer(sentence):
            if (
                is_we
                and family != DISPATCH
                and not (
                    _EN_YOU.match(sentence, match.end())
                    or _FOR_YOU.search(sentence, match.end(), match.end() + 60)
                )
            ):
                continue
            if is_we and _EN_WE_SAFE.search(match.group()) and family != BOOK:
                continue
            hits.append(_Hit(match.start(), match.end(), family))
    for pattern in (_EN_DOING, _EN_WILL):
        for match in pattern.finditer(sentence):
            hits.append(_Hit(match.start(), match.end(), _group_family(match), promise=True))
    for match in _EN_STATE.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), _word_family(match.group()), state=True))
    for pattern in (_EN_PASSIVE, _EN_PASSIVE_THING):
        for match in pattern.finditer(sentence):
            present = match.group("be") in ("is", "are", "'s")
            if present and _EN_PROCESS_TAIL.match(sentence, match.end()):
                continue
            hits.append(_Hit(match.start(), match.end(), _passive_family(match), state=True))
    for match in _EN_HELD_FOR_YOU.finditer(sentence):
        present = match.group("be") in ("is", "are", "'s", "'re")
        subject = sentence[_clause_start(sentence, match.start()) : match.start()]
        if present and (
            _EN_PROCESS_TAIL.match(sentence, match.end()) or not _EN_HELD_SUBJECT.search(subject)
        ):
            continue
        hits.append(_Hit(_clause_start(sentence, match.start()), match.end(), BOOK, state=True))
    for match in _EN_ON_THE_WAY.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), DISPATCH))
    for match in _EN_SEE_YOU.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), BOOK, state=True, meeting=True))
    for pattern in (_EN_HANDOFF, _HE_HANDOFF):
        for match in pattern.finditer(sentence):
            after = sentence[match.end() :]
            time_pattern = _EN_PROMISED_TIME if pattern is _EN_HANDOFF else _HE_PROMISED_TIME
            time = time_pattern.search(after)
            if time:
                family = ARRIVAL if match.group("arrival") else HANDOFF
                # "יחזור אליכם": the team calls back, or the rug comes back.
                support = (
                    "either"
                    if _THIRD_PERSON_RETURN.search(match.group())
                    else ("arrive" if family == ARRIVAL else "reply")
                )
                hits.append(_Hit(match.start(), match.end() + time.end(), family, support))
    for pattern in (_EN_PROCESS, _HE_PROCESS):
        for match in pattern.finditer(sentence):
            # Only a thing sent ("a reminder SMS"), not the work itself ("your photos").
            if any(thing.search(_reach(sentence, match.end())) for thing, _ in _SENT_THINGS):
                hits.append(_Hit(match.start(), match.end(), SEND, "sent"))
    # Hebrew
    for match in _HE_NOTE.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), NOTE))
    for pattern, family in _HE_DONE:
        for match in pattern.finditer(sentence):
            hits.append(_Hit(match.start(), match.end(), family))
    for pattern in (_HE_DOING, _HE_WILL):
        for match in pattern.finditer(sentence):
            hits.append(_Hit(match.start(), match.end(), _group_family(match), promise=True))
    for match in _HE_STATE.finditer(sentence):
        if _he_rule(match, sentence):
            continue
        hits.append(_Hit(match.start(), match.end(), _he_state_family(match), state=True))
    for match in _HE_HELD_FOR_YOU.finditer(sentence):
        if _HE_RULE_TAIL.match(sentence, match.end()):
            continue
        start = _clause_start(sentence, match.start())
        hits.append(_Hit(start, match.end(), BOOK, state=True))
    for match in _HE_WAITING.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), BOOK, state=True, meeting=True))
    for match in _HE_ON_THE_WAY.finditer(sentence):
        hits.append(_Hit(match.start(), match.end(), DISPATCH))
    return hits


def _clause_start(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` starts."""
    starts = [0] + [match.end() for match in _CLAUSE_BREAK.finditer(sentence, 0, position)]
    return starts[-1]


def _reach(sentence: str, position: int) -> str:
    """The rest of the clause from ``position``."""
    clause_end = _CLAUSE_BREAK.search(sentence, position)
    return sentence[position : clause_end.start() if clause_end else len(sentence)]


def _pass_on_only(sentence: str, hit: _Hit) -> bool:
    """Sending or passing the request on to the team: an offer, unless a time is promised
    (the hand-off check reads that)."""
    if not hit.promise or hit.family not in (SEND, BOOK, NOTE):
        return False
    reach = sentence[hit.start : hit.end] + _reach(sentence, hit.end)
    return bool(_EN_PASS_ON.match(reach) or _HE_PASS_ON.match(reach))


def _excluded(sentence: str, hit: _Hit) -> bool:
    clause_starts = [0] + [match.end() for match in _CLAUSE_BREAK.finditer(sentence, 0, hit.start)]
    clause_start = clause_starts[-1]
    before = sentence[clause_start : hit.start]
    clause_end = _CLAUSE_BREAK.search(sentence, hit.end)
    after = sentence[hit.end : clause_end.start() if clause_end else len(sentence)]
    if _EN_NEGATION.search(before) or _HE_NEGATION.search(before):
        return True
    if hit.family != HANDOFF and re.match(r"\s*(?:not|yet\b)|\s*לא\b", after):
        return True
    # A condition or an offer anywhere before the claim in the sentence, or after it in
    # its own clause: "once you book, you'll get...", "I'll send it if you like".
    head = sentence[: hit.start]
    if re.search(r"(?:כמו|כפי)\s*$", head):  # "כפי שרשמתי": as I wrote
        return True
    if _EN_CONDITION_BEFORE.search(head) or _HE_CONDITION_BEFORE.search(head):
        return True
    return bool(_EN_CONDITION_AFTER.search(after) or _HE_CONDITION_AFTER.search(after))


_TIMED = ("reply", "arrive", "either")
_THIRD_PERSON_RETURN = re.compile(r"(?:י|ת)חזור|יחזרו")


def _claim(sentence: str, hits: list[_Hit], knowledge_base: str, asked: str) -> _Hit | None:
    """The hit a sentence is flagged for, or None. A claim the knowledge base supports (a
    process it describes, a time it promises) covers the plainer reading of its words
    ("we'll send you a reminder" is not also "I'll send you"); a promised time is the
    reason given before what was passed on."""
    customer_did = bool(asked) and bool(_CUSTOMER_DID.search(asked))
    coming = bool(asked) and bool(_CUSTOMER_COMING.search(asked))
    supported: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda hit: (not hit.support, hit.start)):
        if any(low <= hit.start < high for low, high in supported):
            continue
        if _excluded(sentence, hit) or _pass_on_only(sentence, hit):
            continue
        claimed = sentence[hit.start : hit.end]
        theirs = customer_did or (hit.meeting and coming)
        if hit.state and theirs and not _CONFIRMED.search(claimed):
            continue
        if asked and claimed.strip() and claimed.strip() in asked:
            continue
        if hit.support in _TIMED and _kb_promises_time(knowledge_base, hit.support):
            supported.append((hit.start, hit.end))
            continue
        reach = claimed + _reach(sentence, hit.end)
        if hit.support == "sent" and _kb_sends(_knowledge(knowledge_base), reach):
            supported.append((hit.start, hit.end))
            continue
        return hit
    return None


def actions_flags(*, reply: str, knowledge_base: str, question: str = "") -> list[Flag]:
    """Flags on the reply's claims that something was done or is arranged for the customer."""
    norm = normalise(reply)
    text = norm.text
    flags: list[Flag] = []
    asked = normalise(question).text if question else ""
    for low, high in split_spans(text, _SENTENCE_BREAK):
        sentence = text[low:high]
        if "?" in text[high : high + 2] or "?" in sentence:
            continue
        hits = _hits(sentence)
        hit = _claim(sentence, hits, knowledge_base, asked) if hits else None
        if hit is None:
            continue
        start, end = norm.original_span(low, high)
        original = reply[start:end]  # the sentence in the original reply, trimmed
        start += len(original) - len(original.lstrip())
        end = start + len(original.strip())
        said = norm.original_text(low + hit.start, low + hit.end).strip()
        reason = _PROCESS_REASON if hit.support == "sent" else _REASONS[hit.family]
        flags.append(
            Flag(
                kind=ACTION,
                claim=reply[start:end],
                start=start,
                end=end,
                reason=f"“{said}” {reason}",
                evidence=_evidence(knowledge_base, hit.family),
            )
        )
    return flags
