"""The apps' demo loaders, in the order their ``demo_after`` needs."""

from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from importlib import import_module
from types import ModuleType

from django.apps import AppConfig, apps

from .base import DemoDataError, DemoReport


@dataclass(frozen=True)
class DemoLoader:
    """An app's demo loader module (see ``portal.demo``)."""

    app: AppConfig
    module: ModuleType

    def add_arguments(self, parser) -> None:
        if hasattr(self.module, "add_arguments"):
            self.module.add_arguments(parser)

    def load(self, **options) -> DemoReport:
        return self.module.load(**options)


def demo_loaders() -> list[DemoLoader]:
    """Every installed app's loader, each after those of the apps it names in ``demo_after``."""
    configs = {
        config.label: config
        for config in apps.get_app_configs()
        if getattr(config, "demo_loader", None)
    }
    graph = {}
    for label, config in configs.items():
        after = tuple(getattr(config, "demo_after", ()))
        missing = [needed for needed in after if needed not in configs]
        if missing:
            raise DemoDataError(f"The demo of {label} needs {missing}, which have no demo loader.")
        graph[label] = after
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise DemoDataError(
            f"The demo loaders need each other in a circle: {error.args[1]}"
        ) from None
    return [
        DemoLoader(app=configs[label], module=import_module(configs[label].demo_loader))
        for label in order
    ]
