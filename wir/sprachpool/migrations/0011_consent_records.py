"""The mediators' consent moves to privacy.Consent (the exact text, per version).

Each mediator with a recorded consent gets a Consent of their account (or, without an
account, of the pool record) pointing at the text of the version they agreed to; then the
old columns go. The text is copied here (migrations import no app code): it is the wording
of version 2026-12 as signup.py showed it.
"""

from django.db import migrations

PURPOSE = "sprachpool"
TEXTS = {
    "2026-12": (
        "Ich willige ein, dass die WIR-Koordination meine Angaben (Sprachen, Einsatzarten, "
        "Wohnort als Kommune, Verfügbarkeit, freiwillig Geschlecht) speichert, um mir Einsätze "
        "anzubieten. Auftraggebende sehen nur meine Kennung. Ich kann die Einwilligung jederzeit "
        "widerrufen; dann werden meine Angaben gelöscht, soweit keine Abrechnung sie braucht."
    ),
}


def forward(apps, schema_editor):
    Mediator = apps.get_model("sprachpool", "Mediator")
    ConsentText = apps.get_model("privacy", "ConsentText")
    Consent = apps.get_model("privacy", "Consent")
    texts = {}
    for mediator in Mediator.objects.filter(consent_at__isnull=False).order_by("pk"):
        version = mediator.consent_version or "2026-12"
        if version not in texts:
            texts[version], _created = ConsentText.objects.get_or_create(
                purpose=PURPOSE,
                version=version,
                defaults={"text": TEXTS.get(version, "(Wortlaut nicht überliefert)")},
            )
        Consent.objects.create(
            user_id=mediator.user_id,
            record_type="" if mediator.user_id else "sprachpool.mediator",
            record_id="" if mediator.user_id else str(mediator.pk),
            region_id=mediator.region_id,
            text=texts[version],
            channel="web",
            given_at=mediator.consent_at,
        )


def backward(apps, schema_editor):
    Mediator = apps.get_model("sprachpool", "Mediator")
    Consent = apps.get_model("privacy", "Consent")
    for consent in Consent.objects.filter(text__purpose=PURPOSE).select_related("text"):
        rows = Mediator.objects.filter(region_id=consent.region_id)
        if consent.user_id:
            rows = rows.filter(user_id=consent.user_id)
        else:
            rows = rows.filter(pk=int(consent.record_id or 0))
        rows.update(consent_at=consent.given_at, consent_version=consent.text.version)


class Migration(migrations.Migration):
    dependencies = [
        ("sprachpool", "0010_restore_sqlite_overlap_guard"),
        ("privacy", "0001_audit_and_consent"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="mediator", name="consent_at"),
        migrations.RemoveField(model_name="mediator", name="consent_version"),
    ]
