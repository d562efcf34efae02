"""The section registry: every section of the programme report, in the report's order.

A section is a function `(region, year) -> SectionData` whose number of queries does not
grow with the data (aggregates, or a fixed number of reads per year). Adding a section is
one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wir.core.models import Region
from wir.reports.data import SectionData
from wir.reports.sections.mentorships import mentorships_section
from wir.reports.sections.network import concepts_section, meetings_section, opening_section
from wir.reports.sections.portal import offers_section
from wir.reports.sections.sprachpool import sprachpool_section
from wir.reports.sections.volunteers import volunteers_section

SectionFunction = Callable[[Region, int], SectionData]


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    compute: SectionFunction


SECTIONS: tuple[Section, ...] = (
    Section("offers", _("Angebote nach Kategorie und Kommune"), offers_section),
    Section("sprachpool", _("Sprachpool"), sprachpool_section),
    Section("volunteers", _("Ehrenamt"), volunteers_section),
    Section("mentorships", _("Patenschaften"), mentorships_section),
    Section("opening", _("Interkulturelle Öffnung"), opening_section),
    Section("concepts", _("Willkommenskultur-Konzepte"), concepts_section),
    Section("meetings", _("Netzwerktreffen"), meetings_section),
)


def section(key: str) -> Section | None:
    return next((item for item in SECTIONS if item.key == key), None)
