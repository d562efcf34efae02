from django.db import migrations, models


def empty_the_index(apps, schema_editor):
    """The documents lack the new columns: after this migration `fill_if_empty` (post_migrate,
    wir/portal/search_index.py) builds them anew."""
    apps.get_model("portal", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0014_search_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="valid_from",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="valid_until",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="translation_key",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["scope", "translation_key"], name="search_document_translation"
            ),
        ),
        migrations.RunPython(empty_the_index, migrations.RunPython.noop),
    ]
