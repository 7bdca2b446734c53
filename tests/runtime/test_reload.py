"""Hot reload: a saved edit is picked up; a broken edit keeps the last good version serving."""

from __future__ import annotations

import logging
import os
import shutil

from bot.conversation.events import Incoming
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import Store
from tests.conftest import DIRECTORY, INTENTS, Clock, paris


def bump(path):
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


async def test_directory_edit_is_picked_up_and_broken_edit_refused(tmp_path, caplog):
    directory = tmp_path / "directory.yaml"
    shutil.copy(DIRECTORY, directory)
    source = KnowledgeSource(directory, INTENTS)
    store = await Store.open(tmp_path / "db.sqlite3")
    rt = Runtime(store, source, b"s", Clock(paris("2026-12-01T10:00")))

    async def ask() -> str:
        await rt.handle(Incoming("t", "u", text="/start"))
        await rt.handle(Incoming("t", "u", text="impots"))
        return (await rt.handle(Incoming("t", "u", text="tilleuls")))[0].text

    assert "05 00 00 00 10" in await ask()
    directory.write_text(directory.read_text(encoding="utf-8").replace("05 00 00 00 10", "05 99 99 99 99"), encoding="utf-8")
    bump(directory)
    assert source.reload_if_changed()
    assert "05 99 99 99 99" in await ask()

    good = directory.read_text(encoding="utf-8")
    directory.write_text(good.replace("lieux:\n", "lieux:\n  - id: [oops\n"), encoding="utf-8")
    bump(directory)
    with caplog.at_level(logging.ERROR):
        assert not source.reload_if_changed()
    assert f"{directory}:" in caplog.text and "refused" in caplog.text
    assert "05 99 99 99 99" in await ask()  # last good one still serving

    directory.write_text(good.replace("besoins: [caf, emploi, retraite, sante, impots, papiers, numerique, energie, poste]\n", "besoins: [cafe]\n"), encoding="utf-8")
    bump(directory)
    with caplog.at_level(logging.ERROR):
        assert not source.reload_if_changed()
    assert "besoin inconnu « cafe »" in caplog.text
    assert "05 99 99 99 99" in await ask()
    await store.close()


async def test_intents_edit_is_picked_up_and_broken_edit_refused(tmp_path, caplog):
    intents = tmp_path / "intents"
    shutil.copytree(INTENTS, intents)
    source = KnowledgeSource(DIRECTORY, intents)
    assert source.current.matcher.match("bidulemachin").need is None
    path = intents / "caf.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("alias: [", "alias: [bidulemachin, "), encoding="utf-8")
    bump(path)
    assert source.reload_if_changed()
    assert source.current.matcher.match("bidulemachin").need == "caf"
    path.write_text("id: caf\nlibelle: [\n", encoding="utf-8")
    bump(path)
    with caplog.at_level(logging.ERROR):
        assert not source.reload_if_changed()
    assert "caf.yaml:" in caplog.text
    assert source.current.matcher.match("bidulemachin").need == "caf"
