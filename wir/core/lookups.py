"""`in` over an integer column drops the values the column cannot hold.

Django already answers "nothing found" for `pk=9999999999999999999` (its exact lookup knows
the column's range), but not for `pk__in=[9999999999999999999]`: SQLite's driver raised
OverflowError and PostgreSQL refused the number, a server error wherever a form's multiple
choice (areas, languages) was sent such an id. A value outside the range matches no row, so
leaving it out changes no answer.
"""

from __future__ import annotations

from typing import Any

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
