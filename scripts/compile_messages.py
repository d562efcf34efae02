"""Compile a gettext .po file to .mo with polib (no GNU gettext needed on the machine)."""

import sys
from pathlib import Path

import polib

for name in sys.argv[1:]:
    po_path = Path(name)
    catalogue = polib.pofile(str(po_path))
    catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path}: {len(catalogue.translated_entries())} translated")
