"""mediateur: offline-first field app of the Cité de l'emploi, Bordeaux Métropole Rive Droite."""

__version__ = "0.1.0"
