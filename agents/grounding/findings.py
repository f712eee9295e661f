"""What every check of the validator returns: a flag on a span of the reply.

Each detector module (numbers and times in ``validator``; ``offers``, ``actions``,
``contacts``, ``entities``, ``policies`` beside it) returns ``Flag`` objects; ``validator``
merges them. A flag names its kind, the text it covers, its span in the *original* reply
(for highlighting), a reason in plain English for the reviewer, and the knowledge-base
lines that contradict it (empty when nothing in the knowledge base speaks to the claim at
all: "nothing supports it").
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds that compare a value (see ``values.KINDS``) are "price", "time", "days", "duration",
# "percent", "phone", "certainty" and "quantity". These kinds make claims without one:
OFFER = "offer"  # free, included, on the house, waived, upgraded, price matched, refunded
ACTION = "action"  # "I've booked you in", "רשמתי אותך": the agent has no tools
CONTACT = "contact"  # e-mail, URL, handle, street address, promo code, order number
ENTITY = "entity"  # a payment method, health fund, brand, branch, language, amenity
POLICY = "policy"  # the opposite of a stated policy: "no need to book" vs "appointments only"
AFFIRMATION = "affirmation"  # "Sure!" to a request the knowledge base does not support


@dataclass(frozen=True)
class Flag:
    kind: str
    claim: str
    start: int  # span in the reply, for highlighting
    end: int
    reason: str
    evidence: tuple[str, ...] = ()  # knowledge-base lines that contradict the claim

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def as_dict(self) -> dict[str, object]:
        """The form stored on a message (``Message.flags``) and shown on its review card."""
        return {
            "kind": self.kind,
            "claim": self.claim,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "evidence": list(self.evidence),
        }
