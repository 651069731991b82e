"""Sub-commands that register themselves on the main CLI (`register(app)`)."""
