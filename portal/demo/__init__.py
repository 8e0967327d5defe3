"""Demo content for ``manage.py load_demo``.

``institutions``, ``pages`` and ``people`` hold the data as plain Python;
``loading`` writes it so that a second run changes nothing.
"""
