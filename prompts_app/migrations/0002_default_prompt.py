"""Install the default system prompt as version 1, so a fresh database can answer at once."""

from django.db import migrations

from prompts_app.defaults import DEFAULT_CHANGELOG, DEFAULT_SYSTEM_PROMPT


def install_default_prompt(apps, schema_editor):
    PromptVersion = apps.get_model("prompts_app", "PromptVersion")
    if PromptVersion.objects.exists():
        return
    PromptVersion.objects.create(
        number=1, body=DEFAULT_SYSTEM_PROMPT, changelog=DEFAULT_CHANGELOG, is_active=True
    )


class Migration(migrations.Migration):
    dependencies = [("prompts_app", "0001_initial")]

    operations = [
        # Reversing leaves version 1 in place: replies may already point at it.
        migrations.RunPython(install_default_prompt, migrations.RunPython.noop),
    ]
