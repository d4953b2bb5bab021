"""A figure as a small, self-contained SVG: for the command line, reports and docs.

No fonts, scripts or links: the file opens anywhere, offline. The working limbs
are drawn in a strong colour and thicker, the other side's limbs lighter.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from .figure import Figure, bones_far_to_near

COLOURS = {"body": "#222222", "moving": "#d9480f", "other": "#9a9a9a", "floor": "#b0b0b0"}
WIDTHS = {"body": 0.028, "moving": 0.034, "other": 0.024}


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


def render_svg(figure: Figure, fraction: float = 0.0, title: str = "", pixels: int = 320) -> str:
    """The figure as SVG text, `pixels` wide, with `title` as its accessible name."""
    left, bottom, right, top = figure.bounds
    pad = 0.04
    left, bottom, right, top = left - pad, bottom - pad, right + pad, top + pad
    width, height = right - left, top - bottom
    flat = figure.flat(fraction)

    def xy(p: tuple[float, float]) -> tuple[str, str]:
        return _num(p[0] - left), _num(top - p[1])

    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" width="{pixels}" '
        f'height="{round(pixels * height / width)}" role="img">',
        f"<title>{escape(title or figure.spec.name)}</title>",
        f'<rect width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>',
        '<g stroke-linecap="round" stroke-linejoin="round" fill="none">',
    ]
    if flat.floor is not None:
        x1, y1 = xy((left, flat.floor - 0.012))
        x2, _ = xy((right, 0))
        out.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y1}" '
            f'stroke="{COLOURS["floor"]}" stroke-width="0.012"/>'
        )
    else:  # seen from above: a short mark of floor under each point resting on it
        for name in flat.contacts:
            x, y = flat.points[name]
            x1, y1 = xy((x - 0.05, y - 0.014))
            x2, _ = xy((x + 0.05, y))
            out.append(
                f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y1}" '
                f'stroke="{COLOURS["floor"]}" stroke-width="0.012"/>'
            )
    for a, b, part in bones_far_to_near(flat):
        kind = figure.part(part)
        (x1, y1), (x2, y2) = xy(flat.points[a]), xy(flat.points[b])
        out.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
            f'stroke="{COLOURS[kind]}" stroke-width="{_num(WIDTHS[kind])}" class="{kind}"/>'
        )
    hx, hy = flat.points["head"]
    bx, by = flat.points["neck_base"]
    gap = math.hypot(hx - bx, hy - by) or 1.0
    t = max(0.0, 1 - flat.head_radius / gap)
    (x1, y1), (x2, y2) = xy((bx, by)), xy((bx + (hx - bx) * t, by + (hy - by) * t))
    out.append(
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{COLOURS["body"]}" '
        f'stroke-width="{_num(WIDTHS["body"])}"/>'
    )
    cx, cy = xy((hx, hy))
    out.append(
        f'<circle cx="{cx}" cy="{cy}" r="{_num(flat.head_radius)}" '
        f'stroke="{COLOURS["body"]}" stroke-width="{_num(WIDTHS["body"])}" fill="#ffffff"/>'
    )
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"
