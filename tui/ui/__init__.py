"""What the app's screens share: the base screens, calling the core off the UI thread, writing."""
