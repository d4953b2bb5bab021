"""Small charts as inline SVG for the printable report: no script, no fonts to
fetch, no external resource. Each chart is one `<svg>` with a title for screen
readers; colours are backed by labels and patterns of dashes, never alone."""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 34
INK, MUTED, ACCENT, SECOND = "#222", "#888", "#1f5f99", "#c0612b"
CHAR_W = 6.6  # a generous average width of a sans-serif character at 11 px
MIN_LABEL_W, MAX_LABEL_W = 120, 320


def _frame(title: str, body: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{INK}">{escape(text)}</text>'
    )


def _y_axis(top_value: float, height: int, steps: int = 5) -> list[str]:
    plot = height - TOP - BOTTOM
    out = []
    for n in range(steps + 1):
        value = top_value * n / steps
        y = height - BOTTOM - plot * n / steps
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{MUTED}" stroke-width="0.3"/>'
        )
        label = f"{value:.0f}" if top_value >= steps else f"{value:.1f}"
        out.append(_text(LEFT - 4, y + 4, label, "end", 10))
    return out


def _x_labels(labels: list[str], height: int) -> list[str]:
    if not labels:
        return []
    step = (WIDTH - LEFT - RIGHT) / len(labels)
    every = max(1, len(labels) // 12)  # at most about twelve labels
    return [
        _text(LEFT + step * (n + 0.5), height - BOTTOM + 14, label, size=10)
        for n, label in enumerate(labels)
        if n % every == 0
    ]


def count_axis(top: int, most: int = 6) -> tuple[int, int]:
    """A top and a number of steps for counts, each step a whole 1, 2 or 5 times a
    power of ten (at most `most` of them): 7 -> 8 in steps of 2, 3 -> 3 in steps of 1."""
    unit = 1
    while True:
        for step in (unit, 2 * unit, 5 * unit):
            steps = -(-max(top, 1) // step)  # rounded up
            if steps <= most:
                return steps * step, steps
        unit *= 10


def bars(title: str, labels: list[str], values: list[float], top: float | None = None) -> str:
    """One bar per label (weeks, say)."""
    top = top or max([*values, 1])
    plot_h = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT - RIGHT) / max(1, len(values))
    steps = 5
    if float(top).is_integer() and all(float(v).is_integer() for v in values):
        top, steps = count_axis(int(top))  # 0, 2, 4, 6, 8 workouts: never 1.4 of one
    body = _y_axis(top, HEIGHT, steps)
    for n, value in enumerate(values):
        h = plot_h * min(value, top) / top
        body.append(
            f'<rect x="{LEFT + step * n + step * 0.15:.1f}" y="{HEIGHT - BOTTOM - h:.1f}" '
            f'width="{step * 0.7:.1f}" height="{h:.1f}" fill="{ACCENT}"/>'
        )
    return _frame(title, body + _x_labels(labels, HEIGHT))


def lines(
    title: str, labels: list[str], series: dict[str, list[float | None]], top: float = 10
) -> str:
    """One line per series (gaps where a value is missing), with a legend."""
    plot_h = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT - RIGHT) / max(1, len(labels))
    body = _y_axis(top, HEIGHT)
    styles = [(ACCENT, ""), (SECOND, ' stroke-dasharray="6 4"')]
    for n, (name, values) in enumerate(series.items()):
        colour, dash = styles[n % len(styles)]
        points = []
        for k, value in enumerate(values):
            if value is None:
                continue
            x = LEFT + step * (k + 0.5)
            y = HEIGHT - BOTTOM - plot_h * min(value, top) / top
            points.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>')
        if len(points) > 1:
            body.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash}/>'
            )
        lx = LEFT + 10 + n * 150
        body.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{HEIGHT - 6}" y2="{HEIGHT - 6}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
        )
        body.append(_text(lx + 30, HEIGHT - 2, name, "start", 10))
    return _frame(title, body + _x_labels(labels, HEIGHT - 12))


def _label_width(labels: list[str]) -> int:
    """Room for the longest name at 11 px, within bounds: the built-in "Reach and
    rotate (thread the needle)" ran off the page's left edge in a fixed 200."""
    longest = max((len(label) for label in labels), default=0)
    return min(MAX_LABEL_W, max(MIN_LABEL_W, round(longest * CHAR_W) + 12))


def _fitted(label: str, width: float) -> str:
    """A name longer than the room is cut with an ellipsis rather than cut off unseen."""
    room = int(width / CHAR_W)
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def paired(title: str, rows: list[tuple[str, float, float]]) -> str:
    """Left and right per row as share of target (0 to 100 %), side by side."""
    row_h = 30
    height = TOP + row_h * len(rows) + 24
    label_w = _label_width([label for label, _, _ in rows])
    span = WIDTH - label_w - RIGHT - 40
    body = []
    for n, (label, left, right) in enumerate(rows):
        y = TOP + n * row_h
        body.append(_text(label_w - 6, y + 16, _fitted(label, label_w - 6), "end", 11))
        for k, (side, share, colour) in enumerate((("L", left, ACCENT), ("R", right, SECOND))):
            w = span * max(0.0, min(share, 1.0))
            yy = y + 3 + k * 12
            body.append(
                f'<rect x="{label_w}" y="{yy}" width="{w:.1f}" height="10" fill="{colour}"/>'
            )
            body.append(_text(label_w + w + 4, yy + 9, f"{side} {100 * share:.0f}%", "start", 9))
    body.append(
        _text(label_w, height - 6, "share of target reps done: L left, R right", "start", 10)
    )
    return _frame(title, body, height)
