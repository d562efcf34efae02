"""Translators no longer hold Wagtail page permissions: they write through the translation
editor and the XLIFF import only (see wir/accounts/roles.py)."""

from django.db import migrations


def drop_translator_page_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name__startswith="wir:", group__name__endswith=":translator"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_membership_languages"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(drop_translator_page_permissions, migrations.RunPython.noop),
    ]
