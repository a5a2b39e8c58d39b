"""Texts of the counter role."""

TEXTS: dict[str, tuple[str, str]] = {
}
