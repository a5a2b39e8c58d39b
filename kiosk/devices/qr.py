"""A QR code drawn with text blocks, two modules per character cell (upper/lower half)."""

from __future__ import annotations

import segno

_CELLS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_lines(data: str, quiet: int = 2) -> list[str]:
    """Dark-on-light lines; ``quiet`` is the light border, in modules, a reader needs."""
    matrix = [[bool(m) for m in row] for row in segno.make(data, error="m", micro=False).matrix]
    size = len(matrix) + 2 * quiet
    blank = [False] * size
    rows = [blank] * quiet + [[False] * quiet + row + [False] * quiet for row in matrix]
    rows += [blank] * quiet
    if len(rows) % 2:
        rows.append(blank)
    # Drawn inverted (light modules as blocks) so a dark screen shows dark modules.
    return ["".join(_CELLS[(not a, not b)] for a, b in zip(top, bottom))
            for top, bottom in zip(rows[0::2], rows[1::2])]
