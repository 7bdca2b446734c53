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
    assert await source.reload()
    assert "05 99 99 99 99" in await ask()

    good = directory.read_text(encoding="utf-8")
    directory.write_text(good.replace("lieux:\n", "lieux:\n  - id: [oops\n"), encoding="utf-8")
    bump(directory)
    with caplog.at_level(logging.ERROR):
        assert not await source.reload()
    assert f"{directory}:" in caplog.text and "refused" in caplog.text
    assert "05 99 99 99 99" in await ask()  # last good one still serving

    directory.write_text(good.replace("besoins: [caf, emploi, retraite, sante, impots, papiers, numerique, energie, poste]\n", "besoins: [cafe]\n"), encoding="utf-8")
    bump(directory)
    with caplog.at_level(logging.ERROR):
        assert not await source.reload()
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
    assert await source.reload()
    assert source.current.matcher.match("bidulemachin").need == "caf"
    path.write_text("id: caf\nlibelle: [\n", encoding="utf-8")
    bump(path)
    with caplog.at_level(logging.ERROR):
        assert not await source.reload()
    assert "caf.yaml:" in caplog.text
    assert source.current.matcher.match("bidulemachin").need == "caf"


async def test_a_big_directory_is_compiled_aside_and_swapped_between_turns(tmp_path, monkeypatch, caplog):
    import asyncio

    from benchmarks.gen_directory import generate
    from bot.data.cache import SMALL
    monkeypatch.setenv("BOT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "national.yaml"
    path.write_text(generate(320, 5), encoding="utf-8")
    assert path.stat().st_size > SMALL
    source = KnowledgeSource(path, INTENTS)
    async with source.using() as during:
        path.write_text(path.read_text(encoding="utf-8") + "# relu le 28/11\n", encoding="utf-8")
        bump(path)
        reload = asyncio.create_task(source.reload())
        while source._swapping is None:  # compiled in a child process meanwhile
            await asyncio.sleep(0.01)
        assert source.current is during  # never replaced under a turn in progress
        held = asyncio.create_task(source.using().__aenter__())
        await asyncio.sleep(0)
        assert not held.done()  # a new turn waits for the swap
    assert await reload
    assert (await held) is source.current is not during
    path.write_text(path.read_text(encoding="utf-8") + "  - id: [oops\n", encoding="utf-8")
    bump(path)
    with caplog.at_level(logging.ERROR):
        assert not await source.reload()
    assert f"{path}:" in caplog.text and "refused" in caplog.text  # the child's finding, with its line
