"""tuitrainer: a full-screen terminal interval trainer for mobility and back care."""

__version__ = "0.1.0"
