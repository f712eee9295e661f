"""A choice's label on the pages, as the model names it.

Templates that show a stored choice (a mode, a message's author) without the model instance
at hand, so without ``get_<field>_display``, use one filter, so a label is written once, in
the model's ``TextChoices``, and reads the same on every page and in every language:

    {% load choices %}
    {{ current|choice_label:"agents.Mode" }}                            Full AI
    {{ author|choice_label:"conversations.Message.Author" }}            Cached answer

A value the choices do not know is shown as it is, as ``get_<field>_display`` does.
"""

from __future__ import annotations

import functools

from django import template
from django.apps import apps
from django.db.models import Choices

register = template.Library()


@functools.cache
def choices_named(path: str) -> type[Choices]:
    """The ``Choices`` class named ``<app label>.<name>[.<nested name>]`` in that app's
    models module: ``agents.Mode``, ``conversations.Message.Author``.

    Found through the app registry, as a foreign key names a model ``"app.Model"``, so the
    lowest app's filter names choices of the apps above it without importing them.
    """
    app_label, _, name = path.partition(".")
    found: object = apps.get_app_config(app_label).models_module
    for part in name.split("."):
        found = getattr(found, part, None)
    if not (isinstance(found, type) and issubclass(found, Choices)):
        raise ValueError(f"{path!r} names no TextChoices; expected e.g. 'agents.Mode'")
    return found


@register.filter
def choice_label(value: object, path: str) -> object:
    """The label of ``value`` in the choices at ``path``; ``value`` itself if it is none of
    them. The label is translated when rendered, in the reader's language."""
    choices = choices_named(path)
    if value in choices.values:
        return choices(value).label
    return value
