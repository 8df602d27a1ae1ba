"""Start the app's server: ``python -m app.serve [streamlit options]``.

The same server as ``streamlit run streamlit_app.py [options]`` (it runs Streamlit's own
command line in this process). Both warm the map page's modules up while the server starts,
through the lifespan of the ``st.App`` that ``streamlit_app.py`` defines
(:mod:`app.startup`); this module stays for the command lines that already use it.
"""

from __future__ import annotations

import sys

from app.server import APP_SCRIPT

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    """Serve ``streamlit_app.py`` with ``argv``'s options."""
    from streamlit.web import cli

    args = list(sys.argv[1:] if argv is None else argv)
    cli.main(["run", str(APP_SCRIPT), *args], prog_name="streamlit")


if __name__ == "__main__":
    main()
