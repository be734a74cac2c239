#!/usr/bin/env python3
"""Writes qanda(1) in roff from the command definitions: the JSON that swift-argument-parser prints for
`qanda --experimental-dump-help` (every command, its abstract and discussion, its arguments, options and flags).

Usage: scripts/man-page.py QANDA-EXECUTABLE > qanda.1
"""
import json
import subprocess
import sys


def escape(line):
    """One line of roff-safe text: backslashes and hyphens escaped, no control character at its start."""
    line = line.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + line if line.startswith((".", "'")) else line


def text(value):
    return "\n".join(escape(line.strip()) for line in value.split("\n"))


def paragraphs(value):
    """Blank-line separated paragraphs, each its own .PP; within one, each line of the definition on a line of its
    own, and indented lines (the examples) kept as they are, indented."""
    out = []
    for part in (part for part in value.split("\n\n") if part.strip()):
        if out:
            out.append(".PP")
        example = False
        for index, line in enumerate(part.strip("\n").split("\n")):
            if line[:1].isspace() != example:
                example = not example
                out.append(".RS\n.nf" if example else ".fi\n.RE")
            elif index > 0 and not example:
                out.append(".br")
            out.append(escape(line.strip()))
        if example:
            out.append(".fi\n.RE")
    return "\n".join(out)


def flag_names(argument):
    names = []
    for name in argument.get("names", []):
        names.append(("-" if name["kind"] == "short" else "--") + name["name"])
    return names


def usage(path, command):
    parts = []
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument["kind"] == "flag" and argument["valueName"] in ("help", "version"):
            continue
        if argument["kind"] == "positional":
            part = "\\fI" + text(argument["valueName"]) + "\\fR"
        else:
            name = argument["preferredName"]
            part = "\\fB" + text(("-" if name["kind"] == "short" else "--") + name["name"]) + "\\fR"
            if argument["kind"] == "option":
                part += " \\fI" + text(argument["valueName"]) + "\\fR"
        if argument.get("isRepeating"):
            part += " ..."
        if argument.get("isOptional"):
            part = "[" + part + "]"
        parts.append(part)
    if command.get("subcommands"):
        parts.append("\\fIcommand\\fR")
    return "\\fB" + text(" ".join(path)) + "\\fR " + " ".join(parts)


def arguments(command, root=False):
    out = []
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True):
            continue
        if not root and argument["kind"] == "flag" and argument["valueName"] in ("help", "version"):
            continue  # the same in every command: listed once, under OPTIONS
        if argument["kind"] == "positional":
            label = "\\fI" + text(argument["valueName"]) + "\\fR"
        else:
            label = ", ".join("\\fB" + text(name) + "\\fR" for name in flag_names(argument))
            if argument["kind"] == "option":
                label += " \\fI" + text(argument["valueName"]) + "\\fR"
        description = argument.get("abstract", "")
        if argument.get("discussion"):
            description += "\n\n" + argument["discussion"]
        entry = ".TP\n" + label + "\n" + paragraphs(description.strip())
        # Values and default on lines of their own, in bold: a default of "." would be lost at a sentence's end.
        if argument.get("allValues"):
            entry += "\n.br\nValues: " + ", ".join("\\fB" + escape(value) + "\\fR" for value in argument["allValues"])
        if argument.get("defaultValue") not in (None, ""):
            entry += "\n.br\nDefault: \\fB" + escape(argument["defaultValue"]) + "\\fR"
        out.append(entry)
    return out


def commands(path, command, out):
    for sub in command.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        sub_path = path + [sub["commandName"]]
        out.append(".SS \"" + text(" ".join(sub_path)) + "\"")
        out.append(usage(sub_path, sub))
        if sub.get("abstract"):
            out.append(".PP\n" + paragraphs(sub["abstract"]))
        if sub.get("discussion"):
            out.append(".PP\n" + paragraphs(sub["discussion"]))
        out.extend(arguments(sub))
        commands(sub_path, sub, out)


def main():
    executable = sys.argv[1]
    tool = json.loads(subprocess.run([executable, "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)["command"]
    version = subprocess.run([executable, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    name = tool["commandName"]
    out = [
        ".\\\" Written by scripts/man-page.py from `" + name + " --experimental-dump-help`.",
        ".TH " + name.upper() + " 1 \"\" \"" + text(name + " " + version) + "\" \"User Commands\"",
        ".SH NAME",
        text(name) + " \\- " + text(tool.get("abstract", "")),
        ".SH SYNOPSIS",
        usage([name], tool),
        ".br",
        "\\fB" + name + " \\-\\-version\\fR",
        ".br",
        "\\fB" + name + " help\\fR [\\fIcommand\\fR]",
        ".SH DESCRIPTION",
        paragraphs(tool.get("discussion", "")),
        ".SH COMMANDS",
    ]
    commands([name], tool, out)
    out.append(".SH OPTIONS")
    out.extend(arguments(tool, root=True))
    out += [
        ".SH EXIT STATUS",
        "0 on success, 1 when the site has errors (or the output could not be written), 2 for wrong command\\-line usage.",
        ".SH SEE ALSO",
        "The README of the project: https://github.com/qanda\\-ssg/qanda",
    ]
    sys.stdout.write("\n".join(out) + "\n")


main()
