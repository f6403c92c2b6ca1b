"""The catalogue dock names each download after its URL's last plain segment, inside the
chosen folder; a record whose link and id would both leave it is refused with a message."""
from catalog_docks import DOCKS


class TaskManager:
    def __init__(self):
        self.tasks = []

    def addTask(self, task):  # noqa: N802
        self.tasks.append(task)


def test_dock_downloads_stay_in_the_chosen_folder(qgis_app, tmp_path, monkeypatch):
    from dataterra.dataterra_plugin.catalog import dock as dock_module
    from dataterra.dataterra_plugin.catalog.core.model import Link, Record

    dock = dock_module.CatalogDock(None)
    DOCKS.append(dock)
    manager = TaskManager()
    monkeypatch.setattr(dock_module.QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path / "downloads"))
    monkeypatch.setattr(dock_module.QgsApplication, "taskManager", lambda: manager)
    records = [
        Record(id="S2A_1", links=[Link("https://h.example/a/..%2F..%2F.bashrc?sig=1", "data"),
                                  Link("https://h.example/files/", "data")]),
        Record(id="../../escaped", links=[Link("https://h.example:8080/files/..", "data")]),
    ]
    monkeypatch.setattr(dock, "selected_records", lambda: records)
    dock.download_selected()
    assert [task.path for task in manager.tasks] == [str(tmp_path / "downloads" / ".bashrc"),
                                                     str(tmp_path / "downloads" / "S2A_1.bin")]
    assert dock.status.text() == ("The server h.example:8080 named a file '../../escaped.bin', which is refused: it "
                                  "holds a folder separator. A file name from a server must stay inside the chosen "
                                  "folder; nothing was written.")
    assert not list(tmp_path.rglob("*escaped*"))
