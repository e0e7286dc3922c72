"""Date and number formats of the editions Django ships none for (FORMAT_MODULE_PATH)."""
