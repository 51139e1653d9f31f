"""Build hooks of the handbook.

Each module owns one concern. Its plain functions know nothing of MkDocs; the few
``on_*`` event functions at the bottom of a module only adapt MkDocs objects to them.
"""
