"""The sections of the programme report, one module per domain module it reads."""
