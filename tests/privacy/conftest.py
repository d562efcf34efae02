"""Fixtures of the privacy tests: the Sprachpool's pseudonymous mediators and requests."""

from tests.sprachpool.conftest import (  # noqa: F401 (fixtures)  # noqa: E402, F401 (fixtures)
    ask,
    clerk,
    coordinator,
    make_mediator,
    make_offer,
    make_request,
    pool,
)
