"""docgen: Kazakh/Russian civil-service evaluation methodologies -> catalogues, forms, diffs, checks."""

__version__ = "0.1.0"
