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
