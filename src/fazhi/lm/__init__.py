"""The character language model and the statistical typo corrector built on it (TY101)."""
