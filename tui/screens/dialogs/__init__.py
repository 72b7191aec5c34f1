"""Dialogs: small modal screens that answer one question (``ModalScreen[T]``, ``dismiss(value)``)."""
