"""The Textual screens of the three roles."""
