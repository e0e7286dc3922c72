"""Every write of the moderation app, one function per action (see the modules for details)."""
