"""Audio cues: names, sounds, outputs and the player process (no UI here)."""
