"""Shared pytest configuration for the kit's tests (keep small; additions only)."""

from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "network: needs PyPI (runs in the normal suite; deselect offline with -m 'not network')",
    )
