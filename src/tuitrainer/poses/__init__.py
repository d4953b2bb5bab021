"""Stick figures of each exercise and test, drawn by the app from checked joint angles.

Plain Python: model, loader, kinematics and two renderers (Braille text, SVG).
"""

from .braille import Picture, render, size_for
from .figure import Figure
from .model import Angles, PoseSpec
from .svg import render_svg

__all__ = [
    "Angles",
    "Figure",
    "Picture",
    "PoseSpec",
    "render",
    "render_svg",
    "size_for",
]
