"""The seed_demo command: the demo tenant, its users, agent and prompt, made once and kept
as the owner edits them; run twice, it changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from agents.models import Agent, Business, KnowledgeBase, Membership
from prompts_app.models import PromptVersion
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # seed_demo hashes and checks three passwords per run; PBKDF2 would make that seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_it_creates_the_demo_tenant_users_agent_and_prompt():
    output = seed()

    business = Business.objects.get(slug="salon-dana")
    assert business.name == "Salon Dana"
    assert "₪" in business.knowledge_base.content
    agent = Agent.objects.get(business=business)
    assert agent.name == "Dana's assistant"
    assert agent.phone_number_id == "106540352242922"
    users = get_user_model().objects
    assert Membership.objects.get(user__username="owner", business=business).role == "owner"
    assert Membership.objects.get(user__username="reviewer", business=business).role == "reviewer"
    operator = users.get(username="operator")
    assert operator.is_staff and operator.is_superuser
    for username in ("owner", "reviewer", "operator"):
        assert users.get(username=username).check_password("switchboard-demo")
    assert PromptVersion.objects.filter(is_active=True).exists()
    assert "switchboard-demo" in output


def test_running_it_twice_changes_nothing():
    seed()
    first = {
        "users": list(get_user_model().objects.values_list("username", "password")),
        "agents": list(Agent.objects.values_list("id", "phone_number_id")),
    }

    output = seed()

    assert Business.objects.count() == 1
    assert KnowledgeBase.objects.count() == 1
    assert Agent.objects.count() == 1
    assert Membership.objects.count() == 2
    assert get_user_model().objects.count() == 3
    assert PromptVersion.objects.count() == 1
    assert list(get_user_model().objects.values_list("username", "password")) == first["users"]
    assert list(Agent.objects.values_list("id", "phone_number_id")) == first["agents"]
    assert "created" not in output and "updated" not in output


def test_it_honours_the_phone_number_id_and_password_options():
    seed()

    seed("--phone-number-id", "123456789012345", "--password", "another-secret")

    agent = Agent.objects.get()
    assert agent.phone_number_id == "123456789012345"
    for username in ("owner", "reviewer", "operator"):
        user = get_user_model().objects.get(username=username)
        assert user.check_password("another-secret")
        assert not user.check_password("switchboard-demo")


def test_a_later_run_without_options_keeps_the_chosen_phone_number_id():
    seed("--phone-number-id", "123456789012345")

    seed()

    assert Agent.objects.get().phone_number_id == "123456789012345"


def test_it_keeps_a_knowledge_base_the_owner_edited():
    seed()
    KnowledgeBase.objects.update(content="Edited by the owner.")

    seed()

    assert KnowledgeBase.objects.get().content == "Edited by the owner."


def test_it_activates_the_default_prompt_when_none_is_active():
    PromptVersion.objects.update(is_active=False)

    seed()

    assert list(PromptVersion.objects.filter(is_active=True).values_list("number", flat=True)) == [
        1
    ]


def test_it_refuses_a_phone_number_id_another_business_uses():
    other = factories.make_business(name="Other Business")
    factories.make_agent(business=other, phone_number_id="555000111222333")

    with pytest.raises(CommandError, match="already belongs"):
        seed("--phone-number-id", "555000111222333")

    assert not Business.objects.filter(slug="salon-dana").exists()
