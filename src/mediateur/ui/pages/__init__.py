"""The pages of the main window (one per side-bar entry) and the registry that builds them.

Every page subclasses `Page` and is built by a factory taking the `AppContext`. The registry
(`registry.py`) keeps the side-bar order and which factory serves each entry; an entry without a
factory shows `ComingSoonPage` until its page is registered.
"""
