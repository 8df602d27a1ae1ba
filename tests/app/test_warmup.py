"""The place index is opened in the background once per process, and waited for visibly."""

from app import warmup


class _Bar:
    def __init__(self):
        self.calls = []

    def progress(self, value, text=""):
        self.calls.append((value, text))
        return self

    def empty(self):
        self.calls.append(("empty", ""))


class _St:
    def __init__(self):
        self.bar = _Bar()

    def progress(self, value, text=""):
        return self.bar.progress(value, text)


def test_start_is_once_per_process_and_wait_returns_when_ready():
    first = warmup.start()
    assert warmup.start() is first and warmup.status() is first
    st = _St()
    warmup.wait_with_progress(st)
    assert first.done.is_set() and first.error is None
    values = [v for v, _t in st.bar.calls if v != "empty"]
    assert all(0.0 <= v < 1.0 for v in values)


def test_a_delayed_warmup_begins_as_soon_as_a_page_waits_for_it():
    import threading

    state = warmup.Warmup()
    threading.Thread(target=warmup._run, args=(state, 600.0), daemon=True).start()
    assert not state.done.wait(0.3)  # still sitting out its delay
    state.go.set()
    assert state.done.wait(120) and state.error is None
