"""Create the demo tenant, Salon Dana, with its agent, knowledge base and users.

Idempotent: a second run changes nothing, except what its options ask for. A knowledge base
that already has content is kept, so a demo owner's edits survive a re-seed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from agents.models import Agent, Business, KnowledgeBase, Membership
from agents.services import business_install_defaults
from prompts_app.defaults import DEFAULT_CHANGELOG, DEFAULT_SYSTEM_PROMPT
from prompts_app.models import PromptDeployment, PromptVersion
from prompts_app.services import prompt_version_deploy

DEMO_PASSWORD = "switchboard-demo"
DEMO_PHONE_NUMBER_ID = "106540352242922"
DEMO_DISPLAY_PHONE_NUMBER = "97235551234"
BUSINESS_SLUG = "salon-dana"
BUSINESS_NAME = "Salon Dana"
AGENT_NAME = "Dana's assistant"

KNOWLEDGE_BASE = """\
Salon Dana is a hair salon at 12 Herzl Street, Tel Aviv (second floor, entrance from the \
courtyard).
Phone: 03-555-1234. You can also book by replying on this WhatsApp chat.

Opening hours:
- Sunday to Thursday: 09:00-19:00
- Friday: 08:00-14:00
- Saturday: closed

Services, prices (VAT included) and how long they take:
- Women's haircut (wash, cut and blow-dry): ₪180, about 45 minutes
- Men's haircut: ₪90, about 30 minutes
- Children's haircut (up to age 12): ₪70, about 30 minutes
- Blow-dry only: ₪120, about 30 minutes
- Root colour: ₪280, about 1.5 hours
- Full hair colouring: from ₪350, about 2 hours
- Highlights: from ₪550, about 3 hours
- Keratin straightening: from ₪900, about 3 hours

Booking and policies:
- Appointments only; we do not take walk-ins on Fridays.
- Please cancel or move an appointment at least 24 hours ahead.
- Payment by cash, credit card or Bit.
- Stylists: Dana (the owner, colour specialist), Noa and Yossi.
- Street parking on Herzl Street.

בעברית:
- סלון דנה, רחוב הרצל 12, תל אביב. טלפון: 03-555-1234.
- שעות פתיחה: ראשון עד חמישי 09:00-19:00, שישי 08:00-14:00, שבת סגור.
- תספורת נשים: 180 ₪ (כ-45 דקות). תספורת גברים: 90 ₪ (כ-30 דקות).
- צבע מלא: החל מ-350 ₪ (כשעתיים).
"""


DEMO_EMAIL_DOMAIN = "salon-dana.example"


class Command(BaseCommand):
    help = "Create or refresh the demo business Salon Dana, its WhatsApp agent and its users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--phone-number-id",
            help=(
                "Meta phone_number_id the demo agent answers on (default "
                f"{DEMO_PHONE_NUMBER_ID}; an existing agent keeps its own unless given)"
            ),
        )
        parser.add_argument(
            "--password",
            help=f"password for the demo users (default {DEMO_PASSWORD!r})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password: str = options["password"] or DEMO_PASSWORD
        phone_number_id: str | None = options["phone_number_id"]
        with transaction.atomic():
            business = self._business()
            self._knowledge_base(business)
            rules = business_install_defaults(business=business)
            if rules:
                self._say("created", f"{len(rules)} default rules for when the LLM is down")
            agent = self._agent(business, phone_number_id)
            for username, role in (
                ("owner", Membership.Role.OWNER),
                ("reviewer", Membership.Role.REVIEWER),
            ):
                user = self._user(username, password)
                self._membership(user, business, role)
            self._user("operator", password, staff=True)
            self._prompt()

        self.stdout.write("")
        self.stdout.write(
            f"Demo agent answers WhatsApp phone_number_id {agent.phone_number_id}. Logins:"
        )
        for username, what in (
            ("owner", f"owner of {business.name}"),
            ("reviewer", f"reviewer at {business.name}"),
            ("operator", "staff and superuser, sees every business"),
        ):
            self.stdout.write(f"  {username:<9} / {password:<18} {what}")

    def _say(self, verb: str, what: str) -> None:
        self.stdout.write(f"{verb:<8} {what}")

    def _business(self) -> Business:
        business, created = Business.objects.get_or_create(
            slug=BUSINESS_SLUG, defaults={"name": BUSINESS_NAME}
        )
        self._say("created" if created else "kept", f"business {business.name} ({business.slug})")
        return business

    def _knowledge_base(self, business: Business) -> None:
        knowledge_base, created = KnowledgeBase.objects.get_or_create(
            business=business, defaults={"content": KNOWLEDGE_BASE}
        )
        if created:
            self._say("created", "knowledge base")
        elif not knowledge_base.content.strip():
            knowledge_base.content = KNOWLEDGE_BASE
            knowledge_base.save(update_fields=["content", "updated_at"])
            self._say("updated", "knowledge base (it was empty)")
        else:
            self._say("kept", "knowledge base (existing content left as it is)")

    def _agent(self, business: Business, phone_number_id: str | None) -> Agent:
        agent = Agent.objects.filter(business=business, name=AGENT_NAME).first()
        wanted = phone_number_id or (agent.phone_number_id if agent else DEMO_PHONE_NUMBER_ID)
        other = (
            Agent.objects.filter(phone_number_id=wanted)
            .exclude(business=business, name=AGENT_NAME)
            .select_related("business")
            .first()
        )
        if other is not None:
            raise CommandError(
                f"phone_number_id {wanted} already belongs to {other.name!r} of "
                f"{other.business.name!r}; pass another one with --phone-number-id"
            )
        if agent is None:
            agent = Agent.objects.create(
                business=business,
                name=AGENT_NAME,
                phone_number_id=wanted,
                display_phone_number=DEMO_DISPLAY_PHONE_NUMBER,
                # The demo has its knowledge base: it answers customers from the start.
                is_live=True,
            )
            self._say("created", f"agent {agent.name} (phone_number_id {wanted}, live)")
            return agent
        changed = []
        if agent.phone_number_id != wanted:
            agent.phone_number_id = wanted
            changed.append("phone_number_id")
        if not agent.is_live:
            agent.is_live = True
            changed.append("is_live")
        if changed:
            agent.save(update_fields=changed)
        verb = "updated" if changed else "kept"
        self._say(verb, f"agent {agent.name} (phone_number_id {wanted}, live)")
        return agent

    def _user(self, username: str, password: str, *, staff: bool = False) -> AbstractUser:
        user, created = get_user_model().objects.get_or_create(username=username)
        changed: list[str] = []
        if created or not user.check_password(password):
            user.set_password(password)
            changed.append("password")
        if staff and not (user.is_staff and user.is_superuser):
            user.is_staff = user.is_superuser = True
            changed += ["is_staff", "is_superuser"]
        # An address, so the demo's notifications have someone to write to (printed to the
        # console under `make run`).
        email = f"{username}@{DEMO_EMAIL_DOMAIN}"
        if not user.email:
            user.email = email
            changed.append("email")
        if changed:
            user.save(update_fields=changed)
        verb = "created" if created else ("updated" if changed else "kept")
        self._say(verb, f"user {username}" + (" (staff, superuser)" if staff else ""))
        return user

    def _membership(self, user: AbstractUser, business: Business, role: str) -> None:
        membership, created = Membership.objects.get_or_create(
            user=user, business=business, defaults={"role": role}
        )
        verb = "created" if created else "kept"
        if not created and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
            verb = "updated"
        self._say(verb, f"membership {user.get_username()} as {role} of {business.name}")

    def _prompt(self) -> None:
        active = PromptVersion.objects.filter(is_active=True).first()
        if active is not None:
            self._say("kept", f"active prompt version v{active.number}")
            return
        version, created = PromptVersion.objects.get_or_create(
            number=1,
            defaults={
                "body": DEFAULT_SYSTEM_PROMPT,
                "changelog": DEFAULT_CHANGELOG,
                "is_active": True,
            },
        )
        if created:
            PromptDeployment.objects.create(
                version=version, reason=PromptDeployment.Reason.DEPLOYED
            )
        else:
            prompt_version_deploy(version=version, by=None)
        self._say("created" if created else "updated", "active prompt version v1")
