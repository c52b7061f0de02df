"""Save a screenshot of Send Invites (for docs/ and for a look).

The sample trip gets email addresses and is sent once into a scratch folder; then a time
changes and a meeting is deleted, and the dialog sends the update and the cancellation to
a local SMTP server (the tests' aiosmtpd, STARTTLS and AUTH) that refuses one recipient.
Run under a display, e.g.:
    xvfb-run -a -s '-screen 0 1600x1000x24' \\
        .venv/bin/python scripts/screenshot_invites.py --review docs/send-invites.png
    ... scripts/screenshot_invites.py docs/send-invites-sent.png
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui.app import prepare_environment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="PNG file to write")
    parser.add_argument("--review", action="store_true", help="before sending, not after")
    args = parser.parse_args()
    problem = prepare_environment()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from data.invitations import plan_invites
    from data.mail_out import EmlFolder, send_plan
    from data.model import ExactTime
    from data.store import Store
    from tests.data.invite_helpers import ORGANIZER, email_for, sample_store
    from tests.smtp_server import PASSWORD, USER, LocalSmtp
    from ui.invite_dialog import InviteDialog

    app = QApplication([])
    scratch = tempfile.mkdtemp()
    store = Store.open(scratch)
    trip_id = sample_store(store)
    trip = store.load_trip(trip_id)
    plan = plan_invites(trip, [], ORGANIZER)
    send_plan(store, trip_id, plan, ORGANIZER, EmlFolder(Path(scratch) / "sent"))
    dinner = trip.meeting("kerry-2014-12-m4-paris-ministers")
    start = datetime(2014, 12, 15, 21, 30, tzinfo=ZoneInfo("Europe/Paris"))
    store.save_meeting(trip_id, dinner.replace(time=ExactTime(start, start + timedelta(hours=2))))
    store.delete_meeting(trip_id, "kerry-2014-12-m3-netanyahu")

    with LocalSmtp() as server:
        os.environ["SSL_CERT_FILE"] = str(server.cert)
        server.handler.refuse = {email_for("Philip Hammond")}
        dialog = InviteDialog(store, trip_id, ORGANIZER)
        dialog.resize(900, 700)
        dialog.smtp.setChecked(True)
        dialog.server.setText(server.address)
        dialog.user.setText(USER)
        dialog.password.setText(PASSWORD)
        dialog.show()

        def shoot() -> None:
            dialog.grab().save(str(args.target))
            dialog.close()
            app.quit()

        if args.review:
            QTimer.singleShot(600, shoot)
        else:
            dialog.sending_finished.connect(lambda _: QTimer.singleShot(400, shoot))
            QTimer.singleShot(600, dialog.send_button.click)
        QTimer.singleShot(30000, app.quit)
        app.exec()
    store.close()
    print(f"wrote {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
