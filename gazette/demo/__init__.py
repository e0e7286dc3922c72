"""Demo content for a new install: sections, authors, articles, photos and an editor account."""
