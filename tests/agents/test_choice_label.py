"""Choice labels on the pages come from the models' TextChoices, through one filter."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from agents.models import Mode
from conversations.models import Message


def render(source: str, **context: object) -> str:
    return Template("{% load choices %}" + source).render(Context(context))


def test_a_mode_reads_as_the_model_names_it() -> None:
    assert render('{{ mode|choice_label:"agents.Mode" }}', mode="cached_ai") == str(
        Mode.CACHED_AI.label
    )


def test_an_author_of_a_nested_choices_class_reads_as_the_model_names_it_in_hebrew() -> None:
    source = '{{ author|choice_label:"conversations.Message.Author" }}'
    assert render(source, author="cached") == "Cached answer"
    with translation.override("he"):
        assert (
            render(source, author="cached") == str(Message.Author.CACHED.label) != "Cached answer"
        )


def test_a_value_the_choices_do_not_know_is_shown_as_it_is() -> None:
    assert render('{{ mode|choice_label:"agents.Mode" }}', mode="panic") == "panic"


def test_a_path_that_names_no_choices_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="names no TextChoices"):
        render('{{ mode|choice_label:"agents.Agent" }}', mode="full_ai")
