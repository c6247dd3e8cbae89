"""The panels on the left of the window: data, architecture and training."""
