"""Texts of the lobby role."""

TEXTS: dict[str, tuple[str, str]] = {
}
