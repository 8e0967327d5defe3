"""``python -m bench`` (``make bench``): see docs/performance.md."""

from .run import main

raise SystemExit(main())
