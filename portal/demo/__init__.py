"""Demo content for ``manage.py load_demo``.

``institutions``, ``pages``, ``people`` and ``meetings`` (programme cycles
with their participants and protocols) hold the data as plain Python;
``loading`` writes it so that a second run changes nothing.
"""
