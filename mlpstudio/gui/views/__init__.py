"""Live views of a training run; each one is shown in a dock of the main window."""
