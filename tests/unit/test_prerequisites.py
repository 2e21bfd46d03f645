"""A maintainer on a fresh machine: `invoke test` installs what the tests lack, or says what to run."""

from __future__ import annotations

import shlex
import sys

import pytest
from invoke import Exit, MockContext, Result

import prerequisites
import tasks

APT_UPDATE = "apt-get update -qq"
CHROMIUM = prerequisites.headless.CHROMIUM
EVERYTHING = {CHROMIUM, "npm", "apt-get"}


def machine(monkeypatch, tmp_path, *, has: set[str], root: bool, axe: bool) -> None:
    """Pretend to be a machine with the commands in `has`, run by root or not, with axe-core or without."""
    monkeypatch.setattr(prerequisites.shutil, "which", lambda name: f"/usr/bin/{name}" if name in has else None)
    monkeypatch.setattr(prerequisites.os, "geteuid", lambda: 0 if root else 1000)
    axe_file = tmp_path / "axe.min.js"
    if axe:
        axe_file.write_text("/*! axe */")
    atlas = tmp_path / "110m.json"
    atlas.write_text("{}")
    monkeypatch.setattr(prerequisites, "NPM_FILES", [axe_file, atlas])


def test_a_machine_with_everything_installs_nothing(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=EVERYTHING, root=False, axe=True)
    assert prerequisites.install_commands() == []


def test_root_installs_a_missing_chromium_after_updating_the_package_lists(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=EVERYTHING - {CHROMIUM}, root=True, axe=True)
    assert prerequisites.install_commands() == [
        APT_UPDATE, "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]


def test_missing_axe_core_is_installed_from_the_lock_file(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=EVERYTHING, root=False, axe=False)
    assert prerequisites.install_commands() == ["npm ci"]


def test_a_missing_atlas_beside_axe_core_is_installed_from_the_lock_file(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=EVERYTHING, root=False, axe=True)
    (tmp_path / "110m.json").unlink()
    assert prerequisites.install_commands() == ["npm ci"]


def test_root_without_npm_installs_it_before_axe_core(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has={CHROMIUM, "apt-get"}, root=True, axe=False)
    assert prerequisites.install_commands() == [
        APT_UPDATE, "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm", "npm ci"]


@pytest.mark.parametrize("has, root, axe, command", [
    ({"npm", "apt-get"}, False, True, "sudo apt-get install chromium"),
    ({"npm"}, True, True, "sudo apt-get install chromium"),
    ({"apt-get"}, False, False, "sudo apt-get install chromium npm"),
], ids=["not root", "no apt-get", "not root, no npm either"])
def test_what_cannot_be_installed_is_one_command_for_the_user(monkeypatch, tmp_path, has, root, axe, command):
    machine(monkeypatch, tmp_path, has=has, root=root, axe=axe)
    with pytest.raises(prerequisites.Unmet) as unmet:
        prerequisites.install_commands()
    assert unmet.value.command == command


def test_invoke_test_stops_before_any_test_and_prints_the_command(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has={"npm", "apt-get"}, root=False, axe=True)
    context = MockContext(run=Result(), repeat=True)
    with pytest.raises(Exit) as stopped:
        tasks.test(context)
    assert "\n    sudo apt-get install chromium\n" in stopped.value.message
    assert stopped.value.code != 0
    context.run.assert_not_called()


def test_invoke_test_installs_first_then_runs_the_whole_suite(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has={CHROMIUM, "npm", "apt-get"}, root=False, axe=False)
    context = MockContext(run=Result(), repeat=True)
    tasks.test(context)
    commands = [call.args[0] for call in context.run.call_args_list]
    assert commands == ["npm ci", f"{shlex.quote(sys.executable)} -m pytest"]


def test_invoke_test_quick_needs_no_browser_and_leaves_only_the_browser_tests_out(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=set(), root=False, axe=False)
    context = MockContext(run=Result(), repeat=True)
    tasks.test(context, quick=True)
    commands = [call.args[0] for call in context.run.call_args_list]
    assert commands == [f"{shlex.quote(sys.executable)} -m pytest -m 'not browser' --hypothesis-profile=quick"]


def test_invoke_test_thorough_runs_the_whole_suite_with_the_thorough_property_profile(monkeypatch, tmp_path):
    machine(monkeypatch, tmp_path, has=EVERYTHING, root=False, axe=True)
    context = MockContext(run=Result(), repeat=True)
    tasks.test(context, thorough=True)
    commands = [call.args[0] for call in context.run.call_args_list]
    assert commands == [f"{shlex.quote(sys.executable)} -m pytest --hypothesis-profile=thorough"]
