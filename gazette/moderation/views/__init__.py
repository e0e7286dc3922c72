"""The moderation app's pages: public ones for readers, the queue for staff."""
