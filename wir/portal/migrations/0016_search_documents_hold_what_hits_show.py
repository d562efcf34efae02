from django.db import migrations


def empty_the_index(apps, schema_editor):
    """Documents of offers, events and places now hold the summary their hits show (places:
    the address): after this migration `fill_if_empty` (post_migrate,
    wir/portal/search_index.py) builds them anew."""
    apps.get_model("portal", "SearchDocument").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0015_feedback_read_at"),
    ]

    operations = [
        migrations.RunPython(empty_the_index, migrations.RunPython.noop),
    ]
