"""`templates` and `fill` commands: the forms' fields, and a filled Word document.

`fill` needs the blank template. By default it builds it in memory with the same
writer the site build uses (handbook.build.docx_templates, CPython with python-docx), so
it matches the protocol file in use; `--blank FILE` fills a blank downloaded from
the built site instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from calculators.documents.drafts import read_values, template_or_error
from calculators.documents.forms import fill_form
from calculators.errors import InputError
from calculators.protocol import Field, Protocol, Template
from cli.output import print_json


def register(commands: Any) -> None:
    listing = commands.add_parser("templates", help="list the forms and their fields")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_templates)

    fill = commands.add_parser("fill", help="fill a form's Word template from a JSON file")
    fill.add_argument("template", metavar="TEMPLATE", help="template id, e.g. mase-referral")
    fill.add_argument(
        "--input", required=True, metavar="FILE.json", help="a saved draft or an object of fields"
    )
    fill.add_argument("--out", required=True, metavar="FILE.docx", help="where to write")
    fill.add_argument("--blank", metavar="FILE.docx", help="a blank template from the built site")
    fill.add_argument("--text", action="store_true", help="also print the plain text")
    fill.set_defaults(handler=fill_template)


def field_data(field: Field) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": field.id,
        "label": field.label,
        "type": field.type,
        "required": field.required,
    }
    if field.help:
        data["help"] = field.help
    if field.added:
        data["added"] = True  # not on the source form: the handbook's addition
    if field.options:
        data["options"] = list(field.options)
    if field.columns:
        data["columns"] = [{"id": c.id, "label": c.label} for c in field.columns]
    return data


def template_data(template: Template) -> dict[str, Any]:
    return {
        "id": template.id,
        "title": template.title,
        "proposed": template.proposed,
        "clauses": list(template.clauses),
        "fields": [field_data(f) for f in template.fields],
    }


def list_templates(protocol: Protocol, args: argparse.Namespace) -> int:
    data = [template_data(t) for t in protocol.templates]
    if args.json:
        return print_json(data)
    for template in data:
        proposed = " (proposed)" if template["proposed"] else ""
        print(f"{template['id']}: {template['title']}{proposed}")
        for field in template["fields"]:
            required = " (required)" if field["required"] else ""
            print(f"  {field['id']:<28} {field['type']:<9} {field['label']}{required}")
    return 0


def fill_template(protocol: Protocol, args: argparse.Namespace) -> int:
    template = template_or_error(protocol, args.template)
    try:
        raw = Path(args.input).read_bytes()
    except OSError as error:
        raise InputError.one("input", f"cannot read {args.input}: {error.strerror}") from None
    answers = read_values(protocol, template, raw)
    for warning in answers["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    form = fill_form(protocol, template, answers["fields"], _blank(protocol, template, args.blank))
    for warning in form["warnings"]:
        if warning not in answers["warnings"]:
            print(f"warning: {warning}", file=sys.stderr)
    try:
        Path(args.out).write_bytes(form["docx"])
    except OSError as error:
        raise InputError.one("out", f"cannot write {args.out}: {error.strerror}") from None
    if args.text:
        print(form["text"], end="")
    print(f"Wrote {args.out}", file=sys.stderr)
    return 0


def _blank(protocol: Protocol, template: Template, path: str | None) -> bytes:
    if path:
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise InputError.one("blank", f"cannot read {path}: {error.strerror}") from None
    from handbook.build.docx_templates import blank_template_docx  # CPython only (python-docx)

    return blank_template_docx(protocol, template)
