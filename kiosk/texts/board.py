"""Texts of the board role."""

TEXTS: dict[str, tuple[str, str]] = {
}
