"""The core: every workflow of Kaart, written once, for the plain commands and the app.

``Kaart`` (in :mod:`tui.core.kaart`) is the one service both faces create;
:mod:`tui.core.drafts` names which form a draft belongs to.
"""
