"""Volunteers in the demo district: networks, pseudonymous volunteers, opportunities with
shifts, a year of logged hours, and a public page on how to join (in every portal language).

Synthetic and deterministic (a seeded generator; dates relative to the day the demo is
built). Volunteers are called "Ehrenamt 001", … — no invented real-looking names. The demo
account "ehrenamt" is EA-001 in Friedberg, active, with a valid police certificate and one
shift ahead, so that its page shows something at once.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale, Page

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.demo.text import first_paragraph_text
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage
from wir.volunteers import optin
from wir.volunteers.models import (
    HoursEntry,
    Interest,
    Network,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Skill,
    Volunteer,
    VolunteerRules,
    VolunteerTag,
    certificate_delete_after,
)

SEED = 15
VOLUNTEER_COUNT = 40
# Volunteers engaged for more than five years (for the Ehrenamts-Card report).
VETERANS = 3
NETWORK_TOWNS = ["Friedberg (Hessen)", "Bad Nauheim", "Büdingen", "Nidda"]
LANGUAGES = ["de", "en", "ar", "fa", "uk", "tr", "ru", "ti"]
PAGE_SLUG = "ehrenamt-mitmachen"

# (title, description, interest, with minors, organiser, needs, hours per shift)
OPPORTUNITIES: list[tuple[str, str, str, bool, str, str, int]] = [
    ("Sprachcafé", "Deutsch üben bei Kaffee und Tee, in kleinen Gruppen.", "language", False,
     "Familienzentrum", "Geduld, Freude am Gespräch", 2),
    ("Hausaufgabenhilfe", "Grundschulkinder bei den Hausaufgaben begleiten.", "homework", True,
     "Grundschule", "Erweitertes Führungszeugnis", 2),
    ("Kleiderkammer", "Spenden sortieren und ausgeben.", "donations", False,
     "Diakonie", "Zuverlässigkeit", 3),
    ("Begleitung zu Ämtern", "Termine beim Bürgerbüro oder Jobcenter begleiten.", "accompany",
     False, "Migrationsberatung", "Arabisch, Farsi oder Ukrainisch willkommen", 2),
    ("Fahrradwerkstatt", "Gespendete Fahrräder gemeinsam reparieren.", "leisure", False,
     "Helferkreis", "Handwerkliches Geschick", 3),
    ("Spielenachmittag", "Spiele und Basteln mit Kindern aus der Unterkunft.", "children", True,
     "Jugendpflege", "Erweitertes Führungszeugnis", 2),
]  # fmt: skip

JOIN_PAGE: dict[str, tuple[str, str]] = {
    "de": (
        "Ehrenamtlich mitmachen",
        "<p>In vielen Kommunen der Wetterau begleiten Helferkreise und Patennetzwerke "
        "Menschen, die neu angekommen sind: beim Deutschlernen, bei Terminen, in der "
        "Freizeit oder als Patin und Pate einer Familie.</p>"
        "<h2>So machen Sie mit</h2><ol>"
        '<li>Melden Sie sich online an: <a href="/ehrenamt/wetterau/mitmachen/?lang=de">'
        "Anmeldung zum Ehrenamt</a>. Sie sagen, wobei Sie helfen möchten, welche Sprachen "
        "Sie sprechen und wann Sie Zeit haben.</li>"
        "<li>Bestätigen Sie Ihre E-Mail-Adresse mit dem Link, den wir Ihnen schicken.</li>"
        "<li>Die WIR-Koordination meldet sich und begrüßt Sie. Danach melden Sie sich auf "
        "Ihrer Seite für Einsätze und Schichten an.</li></ol>"
        "<p>Für Einsätze mit Kindern und Jugendlichen brauchen Sie ein erweitertes "
        "Führungszeugnis. Ihre Stunden können Sie eintragen; die Koordination stellt "
        "Ihnen einen Ehrenamtsnachweis aus.</p>",
    ),
    "de-x-ls": (
        "Helfen im Ehren-Amt",
        "<p>Sie wollen anderen Menschen helfen? Ohne Geld? Das heißt: Ehren-Amt.</p>"
        "<p>Sie können zum Beispiel mit Menschen Deutsch sprechen. Oder Sie gehen mit zu "
        "einem Amt.</p><p>So geht es:</p><ol>"
        '<li>Sie melden sich im Internet an: <a href="/ehrenamt/wetterau/mitmachen/?lang=de">'
        "Anmeldung</a>.</li>"
        "<li>Sie bekommen eine E-Mail. Sie klicken auf den Link in der E-Mail.</li>"
        "<li>Die WIR-Koordination ruft Sie an oder schreibt Ihnen.</li></ol>",
    ),
    "en": (
        "Volunteer with us",
        "<p>In many towns of the Wetterau, volunteer groups and mentoring networks support "
        "people who have just arrived: practising German, going to appointments, spending "
        "free time together, or mentoring a family.</p>"
        "<h2>How to join</h2><ol>"
        '<li>Sign up online: <a href="/ehrenamt/wetterau/mitmachen/?lang=en">'
        "volunteer sign-up</a>. Tell us how you would like to help, which languages you "
        "speak and when you have time.</li>"
        "<li>Confirm your e-mail address with the link we send you.</li>"
        "<li>The WIR coordination gets in touch and welcomes you. Then you sign up for "
        "activities and shifts on your own page.</li></ol>"
        "<p>Activities with children and young people need an extended certificate of good "
        "conduct. You can log your hours; the coordination issues a certificate of your "
        "volunteering.</p>",
    ),
    "ar": (
        "شارك في العمل التطوعي",
        "<p>في كثير من بلدات منطقة فيتيراو تساعد مجموعات المتطوعين وشبكات الرعاية "
        "القادمين الجدد: في تعلّم الألمانية، وفي المواعيد، وفي أوقات الفراغ، أو برعاية "
        "عائلة.</p>"
        "<h2>كيف تشارك</h2><ol>"
        '<li>سجّل عبر الإنترنت: <a href="/ehrenamt/wetterau/mitmachen/?lang=ar">'
        "التسجيل في العمل التطوعي</a>. أخبرنا كيف تريد المساعدة، وما اللغات التي تتحدثها، "
        "ومتى يتوفر لديك الوقت.</li>"
        "<li>أكّد عنوان بريدك الإلكتروني بالرابط الذي نرسله إليك.</li>"
        "<li>يتواصل معك فريق التنسيق WIR ويرحّب بك. بعد ذلك تسجّل في المهام والمناوبات "
        "على صفحتك.</li></ol>"
        "<p>للعمل مع الأطفال والشباب تحتاج إلى شهادة حسن سيرة وسلوك موسّعة. يمكنك تسجيل "
        "ساعاتك، ويصدر لك فريق التنسيق شهادة بعملك التطوعي.</p>",
    ),
    "fa": (
        "در کار داوطلبانه شرکت کنید",
        "<p>در بسیاری از شهرهای منطقهٔ وتراو، گروه‌های داوطلب و شبکه‌های حمایتی به "
        "تازه‌واردان کمک می‌کنند: در یادگیری زبان آلمانی، در قرارهای اداری، در اوقات "
        "فراغت یا با سرپرستی یک خانواده.</p>"
        "<h2>چگونه شرکت کنید</h2><ol>"
        '<li>به‌صورت آنلاین ثبت‌نام کنید: <a href="/ehrenamt/wetterau/mitmachen/?lang=fa">'
        "ثبت‌نام داوطلبان</a>. بگویید چگونه می‌خواهید کمک کنید، به چه زبان‌هایی صحبت "
        "می‌کنید و چه زمانی وقت دارید.</li>"
        "<li>نشانی ایمیل خود را با پیوندی که برایتان می‌فرستیم تأیید کنید.</li>"
        "<li>هماهنگی WIR با شما تماس می‌گیرد و به شما خوشامد می‌گوید. سپس در صفحهٔ خود "
        "برای فعالیت‌ها و نوبت‌ها ثبت‌نام می‌کنید.</li></ol>"
        "<p>برای کار با کودکان و نوجوانان به گواهی عدم سوءپیشینهٔ گسترده نیاز دارید. "
        "می‌توانید ساعت‌های خود را ثبت کنید؛ هماهنگی برای شما گواهی فعالیت داوطلبانه "
        "صادر می‌کند.</p>",
    ),
    "uk": (
        "Долучайтеся до волонтерства",
        "<p>У багатьох громадах Веттерау волонтерські гурти та мережі наставників "
        "підтримують людей, які щойно приїхали: у вивченні німецької, на прийомах в "
        "установах, у дозвіллі або як наставники для родини.</p>"
        "<h2>Як долучитися</h2><ol>"
        '<li>Зареєструйтеся онлайн: <a href="/ehrenamt/wetterau/mitmachen/?lang=uk">'
        "реєстрація волонтерів</a>. Розкажіть, як хочете допомагати, якими мовами "
        "розмовляєте і коли маєте час.</li>"
        "<li>Підтвердьте свою електронну адресу за посиланням, яке ми надішлемо.</li>"
        "<li>Координація WIR зв'яжеться з вами і привітає вас. Потім ви записуєтеся на "
        "завдання та зміни на своїй сторінці.</li></ol>"
        "<p>Для роботи з дітьми та молоддю потрібна розширена довідка про несудимість. "
        "Ви можете записувати свої години; координація видасть вам підтвердження "
        "волонтерської діяльності.</p>",
    ),
}


def create_volunteers(region: Region, account: User, coordinator: User) -> int:
    """Create the demo's volunteer data; returns the number of volunteers."""
    rng = random.Random(SEED)
    VolunteerRules.objects.create(region=region)
    towns = _towns(region)
    languages = {lang.code: lang for lang in Language.objects.filter(code__in=LANGUAGES)}
    volunteers = _volunteers(region, rng, towns, languages, account)
    networks = _networks(region, rng, towns, volunteers, coordinator)
    opportunities = _opportunities(region, networks, languages, coordinator)
    _shifts_and_hours(rng, volunteers, opportunities, coordinator)
    _join_page(region)
    return len(volunteers)


def _towns(region: Region) -> list[Area]:
    found = {
        area.name: area for area in Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY)
    }
    return [found[name] for name in NETWORK_TOWNS if name in found] or list(found.values())[:4]


def _volunteers(
    region: Region,
    rng: random.Random,
    towns: list[Area],
    languages: dict[str, Language],
    account: User,
) -> list[Volunteer]:
    now = timezone.now()
    statuses = [Volunteer.Status.ACTIVE] * 8 + [
        Volunteer.Status.PAUSED,
        Volunteer.Status.REGISTERED,
    ]
    volunteers: list[Volunteer] = []
    for number in range(1, VOLUNTEER_COUNT + 1):
        first = number == 1
        volunteer = Volunteer.objects.create(
            region=region,
            code=f"EA-{number:03d}",
            user=account if first else None,
            name=f"Ehrenamt {number:03d}",
            municipality=towns[0] if first else rng.choice(towns),
            availability=sorted(
                rng.sample([f"{d}-{p}" for d in range(7) for p in ("am", "pm", "ev")], 4)
            ),
            works_with_minors=first or rng.random() < 0.4,
            status=Volunteer.Status.ACTIVE if first else rng.choice(statuses),
            newsletter=first or rng.random() < 0.6,
            created_at=now - timedelta(days=400 if number > VETERANS + 1 else 2000),
            confirmed_at=now - timedelta(days=399),
            welcomed_at=now - timedelta(days=390),
            last_active_at=now - timedelta(days=rng.randint(0, 60)),
        )
        if first:  # the demo account `ehrenamt` has agreed to mailings (see Rundmails)
            optin.set_opt_in(volunteer, True, by=None)
        spoken = {"de", *rng.sample(LANGUAGES[1:], rng.randint(0, 2))}
        volunteer.languages.set([languages[code] for code in sorted(spoken) if code in languages])
        interests = rng.sample(list(Interest.values), rng.randint(1, 3))
        skills = rng.sample(list(Skill.values), rng.randint(0, 2))
        VolunteerTag.objects.bulk_create(
            [VolunteerTag(volunteer=volunteer, kind="interest", code=c) for c in interests]
            + [VolunteerTag(volunteer=volunteer, kind="skill", code=c) for c in skills]
        )
        if volunteer.works_with_minors and volunteer.status == Volunteer.Status.ACTIVE:
            issued = timezone.localdate() - timedelta(days=rng.randint(30, 1700))
            PoliceCertificate.objects.create(
                volunteer=volunteer,
                issued_on=issued,
                inspected_on=issued + timedelta(days=rng.randint(3, 60)),
                delete_after=certificate_delete_after(issued, 5),
            )
        volunteers.append(volunteer)
    return volunteers


def _networks(
    region: Region,
    rng: random.Random,
    towns: list[Area],
    volunteers: list[Volunteer],
    coordinator: User,
) -> list[Network]:
    networks = []
    for index, town in enumerate(towns):
        kind = Network.Kind.MENTORS if index % 2 else Network.Kind.HELPERS
        label = "Patennetzwerk" if kind == Network.Kind.MENTORS else "Helferkreis"
        network = Network.objects.create(
            region=region,
            municipality=town,
            kind=kind,
            name=f"{label} {town.name}",
            description=f"Ehrenamtliche in {town.name} begleiten neu Zugewanderte.",
            partner_organisations="Familienzentrum\nDiakonie\nSportverein",
        )
        network.coordinators.add(coordinator)
        network.members.set([v for v in volunteers if v.municipality_id == town.pk])
        networks.append(network)
    return networks


def _opportunities(
    region: Region, networks: list[Network], languages: dict[str, Language], coordinator: User
) -> list[Opportunity]:
    opportunities = []
    for index, (title, description, interest, minors, organiser, needs, _hours) in enumerate(
        OPPORTUNITIES
    ):
        network = networks[index % len(networks)]
        opportunity = Opportunity.objects.create(
            region=region,
            network=network,
            title=title,
            description=description,
            area=network.municipality,
            interest=interest,
            needs=needs,
            with_minors=minors,
            organiser=organiser,
            published=True,
            created_by=coordinator,
        )
        if interest == "accompany":
            opportunity.languages.set([languages[c] for c in ("ar", "fa", "uk") if c in languages])
        opportunities.append(opportunity)
    return opportunities


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), timezone.get_current_timezone())


def _shifts_and_hours(
    rng: random.Random,
    volunteers: list[Volunteer],
    opportunities: list[Opportunity],
    coordinator: User,
) -> None:
    today = timezone.localdate()
    now = timezone.now()
    active = [v for v in volunteers if v.status == Volunteer.Status.ACTIVE]
    certified = {c.volunteer_id: c for c in PoliceCertificate.objects.filter(volunteer__in=active)}
    busy: dict[int, set[date]] = {}
    # Weekly shifts: the past year (done, counted as hours) and the next three weeks.
    for index, opportunity in enumerate(opportunities):
        length = OPPORTUNITIES[index][6]
        hour = 10 + 2 * (index % 4)
        for week in range(-52, 4):
            day = today + timedelta(days=7 * week + index % 6 + 1)
            shift = Shift.objects.create(
                opportunity=opportunity,
                starts_at=_at(day, hour),
                ends_at=_at(day, hour + length),
                places=3,
            )
            allowed = [
                v
                for v in active
                if (not opportunity.with_minors or v.pk in certified)
                and day not in busy.get(v.pk, set())
            ]
            people = rng.sample(allowed, min(len(allowed), rng.randint(0 if week >= 0 else 1, 2)))
            if week == 0 and index == 0 and volunteers[0] not in people:
                people = [volunteers[0], *people[:1]]  # the demo account has a shift ahead
            for person in people:
                busy.setdefault(person.pk, set()).add(day)
                ShiftSignup.objects.create(
                    shift=shift,
                    volunteer=person,
                    starts_at=shift.starts_at,
                    ends_at=shift.ends_at,
                    with_minors=opportunity.with_minors,
                    certificate=certified.get(person.pk) if opportunity.with_minors else None,
                    created_at=min(now, shift.starts_at - timedelta(days=3)),
                )
                if week < 0:
                    pending = week == -1 and rng.random() < 0.5
                    HoursEntry.objects.create(
                        volunteer=person,
                        date=day,
                        hours=Decimal(length),
                        activity=opportunity.title,
                        shift=shift,
                        approved_by=None if pending else coordinator,
                        approved_at=None if pending else shift.ends_at + timedelta(days=2),
                    )
            Shift.objects.filter(pk=shift.pk).update(taken=len(people))
    # Long-standing volunteers: five years of weekly mentoring hours.
    for veteran in volunteers[1 : VETERANS + 1]:
        HoursEntry.objects.bulk_create(
            HoursEntry(
                volunteer=veteran,
                date=today - timedelta(days=7 * week + 3),
                hours=Decimal("5.5"),
                activity="Patenschaft",
                approved_by=coordinator,
                approved_at=now - timedelta(days=7 * week),
            )
            for week in range(1, 52 * 5 + 3)
        )


def _join_page(region: Region) -> None:
    """The public page on how to join, under each home page, in every demo language."""
    source: Page | None = None
    for code, (title, body) in JOIN_PAGE.items():
        home = Page.objects.filter(url_path=f"/{region.slug}/{code}/").first()
        if home is None:
            continue
        fields = {
            "title": title,
            "slug": PAGE_SLUG,
            "intro": first_paragraph_text(body),
            "body": body,
        }
        locale = Locale.objects.get(language_code=code)
        if source is None:
            page = ContentPage(locale=locale, **fields)
            home.add_child(instance=page)
            publish(page)
            source = page
        else:
            add_translation(source, home, locale, **fields)
