"""`make zip` builds what QGIS's "Install from ZIP" accepts (issue 4, item 3)."""
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_zip_holds_the_plugin_and_nothing_else(tmp_path):
    target = tmp_path / "dataterra.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_zip.py"), "--output", str(target)], check=True,
                   capture_output=True)
    names = zipfile.ZipFile(target).namelist()
    assert all(n.startswith("dataterra/") for n in names)
    for required in ("dataterra/metadata.txt", "dataterra/__init__.py", "dataterra/dataterra_plugin/plugin.py",
                     "dataterra/dataterra_plugin/provider.py", "dataterra/resources/icons/dataterra.svg",
                     "dataterra/i18n/plugin_fr.qm", "dataterra/LICENSE", "dataterra/docs/fragscape.md"):
        assert required in names, required
    forbidden = ("/tests/", "/benchmarks/", "/sample_data/", "__pycache__", ".pyc", "/demo/", ".ts", "/.venv/")
    assert not [n for n in names if any(f in n for f in forbidden)]
    # test and demo servers are not the product (issue 16): no HTTP server code is shipped
    servers = [n for n in names if n.endswith(".py") and b"HTTPServer" in zipfile.ZipFile(target).read(n)]
    assert not servers, servers


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in readme.splitlines()]
    first_commands = [c for c in commands if c.startswith("make ")][:2]
    assert first_commands == ["make demo", "make test"]
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_make_install_links_and_enables_then_uninstall_removes(tmp_path):
    from qgis.PyQt.QtCore import QSettings

    profile = tmp_path / "profiles" / "default"
    env_args = [f"PROFILE_DIR={profile}"]
    subprocess.run(["make", "-s", "install", *env_args], cwd=ROOT, check=True, capture_output=True)
    link = profile / "python" / "plugins" / "dataterra"
    assert link.is_symlink() and link.resolve() == ROOT
    ini = QSettings(str(profile / "QGIS" / "QGIS3.ini"), QSettings.IniFormat)
    assert ini.value("PythonPlugins/dataterra", type=bool) is True
    subprocess.run(["make", "-s", "install", *env_args], cwd=ROOT, check=True, capture_output=True)  # idempotent
    subprocess.run(["make", "-s", "uninstall", *env_args], cwd=ROOT, check=True, capture_output=True)
    assert not link.exists() and not link.is_symlink()
    ini = QSettings(str(profile / "QGIS" / "QGIS3.ini"), QSettings.IniFormat)
    assert ini.value("PythonPlugins/dataterra", type=bool) is False


def test_metadata_changelog_describes_the_current_version():
    """QGIS's plugin manager shows the changelog: it starts with this version and lists what it brings."""
    import configparser

    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    changes = general["changelog"].strip().splitlines()
    assert changes[0].startswith(general["version"] + " ")
    assert len([line for line in changes if line.strip().startswith("- ")]) >= 5
