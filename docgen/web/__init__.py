"""``docgen serve``: a local web page (kk/ru) and an API for the jobs of the CLI.

``docgen.web.app.create_app`` builds the ASGI app; ``docgen.web.jobs`` runs the jobs on files in a
request's own folder; ``docgen.web.i18n`` holds the interface words. Sits beside the commands layer.
"""
