"""The web app's own pages: every field says what it is for."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest


class _Fields(HTMLParser):
    """The form fields of a page that no label names, by ``for`` or by enclosing."""

    def __init__(self) -> None:
        super().__init__()
        self.named: set[str] = set()
        self.bare: list[tuple[str, str]] = []  # (id, name) of fields outside any label
        self.in_label = 0

    def handle_starttag(self, tag, attrs) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "label":
            self.in_label += 1
            self.named.add(attributes.get("for", ""))
        field = tag in ("input", "select", "textarea")
        shown = attributes.get("type") not in ("hidden", "submit")
        if field and shown and not self.in_label and "aria-label" not in attributes:
            self.bare.append((attributes.get("id", ""), attributes.get("name", tag)))

    def handle_endtag(self, tag) -> None:
        self.in_label -= tag == "label"

    def unlabelled(self) -> list[str]:
        return [name for field_id, name in self.bare if not field_id or field_id not in self.named]


@pytest.mark.parametrize("path", ["/", "/search", "/stories", "/login", "/logout"])
def test_every_field_has_a_label(client, path):
    fields = _Fields()
    fields.feed(client.get(path).text)
    assert fields.unlabelled() == []
