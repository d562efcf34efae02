"""gunicorn settings for production: `gunicorn -c python:wir.gunicorn_conf wir.wsgi:application`.

Each worker process runs `WIR_THREADS` threads (gthread) of which at most
`WIR_MAX_IN_FLIGHT` run the full stack at once (wir/core/shedding.py); the threads above
that answer cached pages and shed with 503 + Retry-After. The listen backlog is short
and the timeouts bounded, so that an overloaded server answers "later" instead of letting
connections wait until the client gives up (docs/operations.md "Load shedding").
Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("WIR_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WIR_WORKERS", str(min(4, multiprocessing.cpu_count() * 2))))
worker_class = "gthread"
threads = int(os.environ.get("WIR_THREADS", "8"))
# Connections accepted by one worker (busy threads included) before it stops accepting.
worker_connections = 64
# Connections the kernel holds for us beyond those: a short queue, not a waiting room.
backlog = int(os.environ.get("WIR_BACKLOG", "128"))
# A request that runs longer than this is a bug or a stuck database: the worker is
# restarted (the transaction is rolled back; background jobs resume, see "Crash safety").
timeout = 30
graceful_timeout = 20
keepalive = 5
