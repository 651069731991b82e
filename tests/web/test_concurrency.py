"""Two reviewers at once on one report: every decision is kept, nothing is lost."""

from __future__ import annotations

import threading
from collections import Counter
from urllib.parse import quote

from sqlalchemy import select
from web_helpers import Client, db_session, login

from fazhi.store.models import FindingState

ROUNDS = 6


def test_two_reviewers_at_once(app, clients, seeded, token):
    rid = seeded["004"]  # the report with the most findings
    keys = [f["key"] for f in clients["admin"].get(f"/api/reports/{rid}").json()["result"]["findings"]]
    assert len(keys) >= 40
    own1, own2, shared = keys[:15], keys[15:30], keys[35]
    before = len(clients["admin"].get(f"/api/reports/{rid}/history").json()["history"])

    page_client = login(app, "reviewer")  # reviewer 1 clicks through the pages
    api_token = token("reviewer2")  # reviewer 2 runs a script against the API
    barrier = threading.Barrier(2)
    errors: list[str] = []

    def reviewer_one():
        barrier.wait()
        for i, key in enumerate(own1):
            plan = [(key, "dismissed")] + ([(shared, "accepted")] if i < ROUNDS else [])
            for k, action in plan:
                r = page_client.form(
                    f"/reports/{rid}/findings/{quote(k, safe='')}",
                    {"action": action, "comment": f"一号：{k}"},
                )
                if r.status_code != 303:
                    errors.append(f"reviewer: {r.status_code} {r.text[:200]}")

    def reviewer_two():
        with Client(app) as c:
            barrier.wait()
            for i, key in enumerate(own2):
                plan = [(key, "accepted")] + ([(shared, "dismissed")] if i < ROUNDS else [])
                for k, action in plan:
                    r = c.post(
                        f"/api/reports/{rid}/findings/{quote(k, safe='')}",
                        json={"action": action, "comment": f"二号：{k}"},
                        headers={"Authorization": f"Bearer {api_token}"},
                    )
                    if r.status_code != 200:
                        errors.append(f"reviewer2: {r.status_code} {r.text[:200]}")

    threads = [threading.Thread(target=reviewer_one), threading.Thread(target=reviewer_two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []

    history = clients["admin"].get(f"/api/reports/{rid}/history").json()["history"]
    new = [e for e in history[before:] if e["kind"] == "finding"]
    assert len(new) == len(own1) + len(own2) + 2 * ROUNDS  # every single action is in the history
    per_user = Counter(e["user"] for e in new)
    assert per_user == {"reviewer": len(own1) + ROUNDS, "reviewer2": len(own2) + ROUNDS}
    assert Counter((e["key"], e["action"]) for e in new if e["key"] == shared) == {
        (shared, "accepted"): ROUNDS,
        (shared, "dismissed"): ROUNDS,
    }

    with db_session(app) as s:
        states = {
            st.finding_key: st for st in s.scalars(select(FindingState).where(FindingState.report_id == rid))
        }
    for k in own1:
        assert states[k].action == "dismissed" and states[k].comment == f"一号：{k}"
    for k in own2:
        assert states[k].action == "accepted" and states[k].comment == f"二号：{k}"
    last = [e for e in new if e["key"] == shared][-1]
    assert (states[shared].action, states[shared].comment) == (
        last["action"],
        last["comment"],
    )  # one row, the last word
    view = clients["admin"].get(f"/api/reports/{rid}").json()["result"]["findings"]
    assert sum(1 for f in view if f["review"]) == len(own1) + len(own2) + 1
