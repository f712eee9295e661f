"""Issue 11: a business's time zone, texts per language, and agents that go live on purpose.

Existing agents were answering customers already, so they are set live; new agents start
off. Each agent's escalation and handoff texts move to ``AgentText`` rows, one per language.
A text nobody changed from the old default stores no row (the defaults of both languages
apply). A changed text is split by script: each line, or each sentence of a line that mixes
both, goes to the language most of its letters are in (a part without letters stays with
the part before it). So "Thanks! / תודה!" becomes an English and a Hebrew text, a text in
one language stays that language's, and the other language keeps its default.
"""

import re

import django.db.models.deletion
from django.db import migrations, models

import agents.models

OLD_DEFAULTS = {
    "escalation": "I don't have that information. Let me pass you to a member of our team.",
    "handoff": "Thanks for your message! A member of our team will get back to you shortly.",
}
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_LATIN = re.compile(r"[A-Za-z]")
_LINES = re.compile(r"\s*(?:\n|\s/\s|\s\|\s)\s*")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def split_by_language(text: str) -> dict[str, str]:
    """The parts of ``text`` in English and in Hebrew, each joined in its original order."""
    found: dict[str, list[str]] = {}
    last = "en"
    for line in _LINES.split(text.strip()):
        pieces = [line]
        if _HEBREW.search(line) and _LATIN.search(line):
            pieces = _SENTENCES.split(line)
        for piece in (p.strip() for p in pieces):
            if not piece:
                continue
            hebrew, latin = len(_HEBREW.findall(piece)), len(_LATIN.findall(piece))
            if hebrew or latin:
                last = "he" if hebrew > latin else "en"
            found.setdefault(last, []).append(piece)
    return {language: " ".join(parts) for language, parts in found.items()}


def texts_to_rows(apps, schema_editor):
    Agent = apps.get_model("agents", "Agent")
    AgentText = apps.get_model("agents", "AgentText")
    Agent.objects.update(is_live=True)
    rows = []
    for agent in Agent.objects.only("pk", "escalation_text", "handoff_text"):
        for kind, field in (("escalation", "escalation_text"), ("handoff", "handoff_text")):
            text = (getattr(agent, field) or "").strip()
            if not text or text == OLD_DEFAULTS[kind]:
                continue
            for language, part in split_by_language(text).items():
                rows.append(AgentText(agent=agent, kind=kind, language=language, text=part))
    AgentText.objects.bulk_create(rows)


def rows_to_texts(apps, schema_editor):
    Agent = apps.get_model("agents", "Agent")
    AgentText = apps.get_model("agents", "AgentText")
    for row in AgentText.objects.filter(language="en"):
        field = f"{row.kind}_text"
        Agent.objects.filter(pk=row.agent_id).update(**{field: row.text})


class Migration(migrations.Migration):

    dependencies = [
        ('agents', '0007_rule_hands_to_people'),
    ]

    operations = [
        migrations.AddField(
            model_name='agent',
            name='is_live',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='business',
            name='time_zone',
            field=models.CharField(default='Asia/Jerusalem', max_length=64, validators=[agents.models.validate_time_zone]),
        ),
        migrations.CreateModel(
            name='AgentText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('escalation', 'When the agent does not know'), ('handoff', 'When a person takes over')], max_length=16)),
                ('language', models.CharField(max_length=8)),
                ('text', models.TextField()),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('agent', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='texts', to='agents.agent')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('agent', 'kind', 'language'), name='agenttext_unique_kind_language')],
            },
        ),
        migrations.RunPython(texts_to_rows, rows_to_texts),
        migrations.RemoveField(
            model_name='agent',
            name='escalation_text',
        ),
        migrations.RemoveField(
            model_name='agent',
            name='handoff_text',
        ),
    ]
