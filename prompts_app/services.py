"""Writes to prompts: new versions, deployments, A/B experiments; and rendering a version.

Versions are immutable: a change is a new version with a changelog. Deploying makes one
version the one replies use and logs it. An experiment runs the deployed version (control)
against a candidate for a share of conversations; it ends by promoting the candidate (a
deployment) or by stopping, which keeps the control.
"""

from __future__ import annotations

import string

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from prompts_app.models import PromptDeployment, PromptExperiment, PromptVersion

LANGUAGE_NAMES = {"en": "English", "he": "Hebrew"}

# The fields a template may use, and what each becomes.
# The meanings are English here (marked for the catalogue) and translated where they are shown.
TEMPLATE_FIELDS = {
    "business": gettext_noop("the business's name"),
    "knowledge_base": gettext_noop("the business's knowledge base"),
    "escalation": gettext_noop(
        "the agent's escalation text, said when the knowledge base has no answer"
    ),
    "language": gettext_noop("the language to reply in, such as Hebrew"),
}
# Without these the agent cannot stay grounded: the facts, and what to say when they run out.
REQUIRED_FIELDS = ("knowledge_base", "escalation")
BODY_MAX_CHARS = 20_000
CHANGELOG_MAX_CHARS = 2_000


def prompt_render(
    *,
    version: PromptVersion,
    business_name: str,
    knowledge_base: str,
    escalation: str,
    language: str,
) -> str:
    return version.body.format(
        business=business_name,
        knowledge_base=knowledge_base.strip() or "(empty: answer nothing from it)",
        escalation=escalation.strip(),
        language=LANGUAGE_NAMES.get(language, "the customer's language"),
    )


def prompt_template_check(body: str) -> None:
    """Raise ValidationError listing everything that would stop ``body`` rendering well."""
    if not body.strip():
        raise ValidationError(gettext("Write the prompt: it is empty."))
    if len(body) > BODY_MAX_CHARS:
        raise ValidationError(
            gettext("The prompt is %(length)s characters long; the limit is %(limit)s.")
            % {"length": f"{len(body):,}", "limit": f"{BODY_MAX_CHARS:,}"}
        )
    try:
        parts = list(string.Formatter().parse(body))
    except ValueError as error:
        raise ValidationError(
            gettext(
                "The braces do not pair up (%(error)s). Fields are written {knowledge_base}; "
                "write {{ or }} for a brace the model should see."
            )
            % {"error": error}
        ) from None
    problems: list[str] = []
    used: set[str] = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS:
            known = ", ".join(f"{{{field}}}" for field in TEMPLATE_FIELDS)
            shown = f"{{{name}}}" if name else "{}"
            problems.append(
                gettext("%(field)s is not a field the prompt can use. Fields: %(known)s.")
                % {"field": shown, "known": known}
            )
            continue
        if spec or conversion:
            problems.append(
                gettext("Write %(field)s plainly, without a format or conversion.")
                % {"field": f"{{{name}}}"}
            )
        used.add(name)
    for name in REQUIRED_FIELDS:
        if name not in used:
            problems.append(
                gettext(
                    "The prompt must include %(field)s: %(meaning)s. "
                    "Without it replies cannot be checked against what the business says."
                )
                % {"field": f"{{{name}}}", "meaning": gettext(TEMPLATE_FIELDS[name])}
            )
    if problems:
        raise ValidationError(list(dict.fromkeys(problems)))


def _normalised(body: str) -> str:
    # Browsers send textareas with CRLF; the model should see the same text either way.
    return body.replace("\r\n", "\n").replace("\r", "\n")


def prompt_version_create(
    *, body: str, changelog: str, by: AbstractBaseUser | None
) -> PromptVersion:
    """A new, undeployed version numbered after the newest one."""
    body = _normalised(body)
    changelog = _normalised(changelog).strip()
    prompt_template_check(body)
    if not changelog:
        raise ValidationError(
            gettext("Say what changed and why: the changelog is how the team reads history.")
        )
    if len(changelog) > CHANGELOG_MAX_CHARS:
        raise ValidationError(
            gettext("Keep the changelog under %(limit)s characters.")
            % {"limit": f"{CHANGELOG_MAX_CHARS:,}"}
        )
    same = PromptVersion.objects.filter(body=body).values_list("number", flat=True).first()
    if same is not None:
        raise ValidationError(
            gettext("This is the text of v%(number)s already: change something first.")
            % {"number": same}
        )
    for _ in range(5):  # two operators saving at once: the loser takes the next number
        number = (PromptVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                return PromptVersion.objects.create(
                    number=number, body=body, changelog=changelog, created_by=by
                )
        except IntegrityError:
            continue
    raise ValidationError(gettext("Could not number the new version; try saving again."))


@transaction.atomic
def prompt_version_deploy(
    *,
    version: PromptVersion,
    by: AbstractBaseUser | None,
    reason: str = PromptDeployment.Reason.DEPLOYED,
) -> PromptDeployment:
    """Make ``version`` the one every new reply uses, and log who did it."""
    # Deploys queue up behind each other on the deployed row.
    previous = PromptVersion.objects.select_for_update().filter(is_active=True).first()
    if PromptExperiment.objects.filter(is_running=True).exists():
        raise ValidationError(
            gettext(
                "An A/B test is running against the deployed version: promote its candidate or "
                "stop it before deploying another version."
            )
        )
    if previous is not None and previous.pk == version.pk:
        raise ValidationError(
            gettext("v%(number)s is deployed already.") % {"number": version.number}
        )
    PromptVersion.objects.filter(is_active=True).update(is_active=False)
    PromptVersion.objects.filter(pk=version.pk).update(is_active=True)
    version.is_active = True
    return PromptDeployment.objects.create(
        version=version, previous=previous, reason=reason, deployed_by=by
    )


def prompt_experiment_start(
    *, candidate: PromptVersion, percent: int, by: AbstractBaseUser | None, note: str = ""
) -> PromptExperiment:
    """Send ``percent`` of conversations to ``candidate``; the rest stay on the deployed one."""
    if not 1 <= percent <= 99:
        raise ValidationError(
            gettext("Send between %(least)s%% and %(most)s%% of conversations to the candidate.")
            % {"least": 1, "most": 99}
        )
    try:
        with transaction.atomic():
            control = PromptVersion.objects.select_for_update().filter(is_active=True).first()
            if control is None:
                raise ValidationError(
                    gettext("No version is deployed: deploy one before testing another.")
                )
            if control.pk == candidate.pk:
                raise ValidationError(
                    gettext("v%(number)s is the deployed version: test another version against it.")
                    % {"number": candidate.number}
                )
            running = PromptExperiment.objects.filter(is_running=True).first()
            if running is not None:
                raise ValidationError(
                    gettext(
                        "An A/B test is running already (%(test)s): end it before starting another."
                    )
                    % {"test": running}
                )
            return PromptExperiment.objects.create(
                control=control,
                candidate=candidate,
                candidate_percent=percent,
                note=note.strip()[:300],
                started_by=by,
            )
    except IntegrityError:  # another operator started one at the same moment
        raise ValidationError(
            gettext("An A/B test was started at the same moment; see it below.")
        ) from None


@transaction.atomic
def prompt_experiment_end(
    *, experiment: PromptExperiment, by: AbstractBaseUser | None, promote: bool
) -> PromptExperiment:
    """Stop the test; with ``promote``, the candidate becomes the deployed version."""
    experiment = (
        PromptExperiment.objects.select_for_update()
        .select_related("control", "candidate")
        .get(pk=experiment.pk)
    )
    if not experiment.is_running:
        raise ValidationError(
            gettext("This A/B test ended already (%(outcome)s).")
            % {"outcome": experiment.get_outcome_display().lower()}
        )
    experiment.is_running = False
    experiment.outcome = (
        PromptExperiment.Outcome.PROMOTED if promote else PromptExperiment.Outcome.STOPPED
    )
    experiment.ended_at = timezone.now()
    experiment.ended_by = by
    experiment.save(update_fields=["is_running", "outcome", "ended_at", "ended_by"])
    if promote:
        prompt_version_deploy(
            version=experiment.candidate, by=by, reason=PromptDeployment.Reason.PROMOTED
        )
    return experiment
