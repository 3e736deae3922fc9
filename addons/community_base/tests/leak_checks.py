# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels through which a user could read residents, tried one by one.

The addons' leak tests plant a *secret* resident (unique name, ID number
and phone) where the user under test must not reach it, or where the user
may see the resident but not the personal data, and call the helpers below:
each returns what the channel answered, so the test can check that the
secret is not in it. A channel that refuses (AccessError) reveals nothing.
"""
import base64
import io
import json

import openpyxl

from odoo.exceptions import AccessError


def dump(value):
    """Everything a channel returned, as one searchable text."""
    return json.dumps(value, default=str, ensure_ascii=False)


def refused(call, *args, **kwargs):
    """Call ``call``; return ``None`` when it raises AccessError (the channel
    refused and revealed nothing), else its result."""
    try:
        return call(*args, **kwargs)
    except AccessError:
        return None


def workbook_text(content):
    """Every cell of an xlsx file as one text."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(cell) for cell in row if cell is not None)
    return "\n".join(cells)


class LeakChecks(object):
    """Assertions shared by the leak tests of the four addons (mixed into a
    SavepointCase)."""

    #: channels tried (name → number of role × channel checks), summed over
    #: the run for docs/security.md
    def assertNoSecret(self, payload, secrets, channel):
        text = payload if isinstance(payload, str) else dump(payload)
        for secret in secrets:
            if not secret:
                continue
            self.assertNotIn(
                secret, text,
                "%s revealed %r: %s" % (channel, secret, text[:500]))

    def resident_channels(self, user, secret, secrets):
        """Try every generic ORM channel on community.resident for ``user``
        against the resident ``secret`` the user must not see at all."""
        Resident = self.env["community.resident"].sudo(user.id)
        name = secret.name
        # search, search_count, search_read, name_search
        self.assertNotIn(secret, Resident.search([("name", "=", name)]))
        self.assertFalse(Resident.search_count([("name", "=", name)]))
        self.assertNoSecret(
            Resident.search_read([], ["name", "id_number_masked"]),
            secrets, "search_read")
        self.assertNoSecret(
            Resident.name_search(name), secrets, "name_search")
        self.assertNoSecret(
            Resident.name_search(name[:6]), secrets, "name_search prefix")
        # read, name_get, display_name of the record itself: refused
        with self.assertRaises(AccessError):
            Resident.browse(secret.id).read(["name"])
        with self.assertRaises(AccessError):
            Resident.browse(secret.id).name_get()
        # read_group by every field that could name a resident
        for groupby in (["community_id"], ["household_id"], ["name"],
                        ["community_id", "household_id"]):
            for lazy in (True, False):
                self.assertNoSecret(
                    Resident.read_group([], groupby, groupby, lazy=lazy),
                    secrets, "read_group %s lazy=%s" % (groupby, lazy))
        # export_data over everything the user can search
        records = Resident.search([])
        self.assertNoSecret(
            records.export_data(["name", "household_id/name",
                                 "id_number_masked"]).get("datas"),
            secrets, "export_data")
        # the register's own menu action, as the web client opens it
        action = self.env.ref("community_base.community_resident_action")
        self.assertNotIn(secret, self.open_action(action, user))
        return True

    def personal_data_hidden(self, user, resident):
        """``user`` may read ``resident`` but not its ID number and phone:
        every channel gives the masks or refuses."""
        raw = resident.sudo()
        secrets = [raw.id_number, raw.phone]
        self.assertTrue(all(secrets))
        Resident = self.env["community.resident"].sudo(user.id)
        record = Resident.browse(resident.id)
        # read: the raw fields refuse, the masks answer
        for fname in ("id_number", "phone", "birth_date"):
            with self.assertRaises(AccessError, msg=fname):
                record.read([fname])
        values = record.read()[0]
        self.assertNoSecret(values, secrets, "read all fields")
        self.assertNotIn("id_number", values)
        self.assertNotIn("birth_date", values)
        self.assertEqual(values["id_number_masked"], raw.id_number_masked)
        # the mask and the birth date together would give the whole number
        self.assertNotIn(raw.birth_date.replace("-", ""),
                         values["id_number_masked"])
        # name_get and the search box
        self.assertNoSecret(record.name_get(), secrets, "name_get")
        for probe in (raw.id_number, raw.phone):
            self.assertFalse(Resident.name_search(probe), probe)
            self.assertFalse(
                Resident.search([("search_text", "ilike", probe)]), probe)
        # searching or ordering by the number is refused: a search that
        # answered would tell whether a number is registered (an oracle)
        for fname in ("id_number", "phone", "birth_date"):
            with self.assertRaises(AccessError, msg=fname):
                Resident.search([(fname, "=", raw[fname])])
            with self.assertRaises(AccessError, msg=fname):
                Resident.search([], order=fname)
            with self.assertRaises(AccessError, msg=fname):
                Resident.read_group([], [fname], [fname])
            with self.assertRaises(AccessError, msg=fname):
                Resident.read_group(
                    [(fname, "!=", False)], ["name"], ["name"])
            with self.assertRaises(AccessError, msg=fname):
                Resident.read_group([], ["name"], ["name"], orderby=fname)
        # and through a relation from the household
        Household = self.env["community.household"].sudo(user.id)
        for path in ("resident_ids.id_number", "resident_ids.phone",
                     "head_id.id_number"):
            self.assertFalse(refused(
                Household.search, [(path, "=", raw[path.split(".")[1]])]),
                path)
        # export_data and the fields the views load
        with self.assertRaises(AccessError):
            record.export_data(["id_number"])
        with self.assertRaises(AccessError):
            record.export_data(["phone"])
        self.assertNoSecret(
            record.export_data(["name", "id_number_masked", "phone_masked",
                                "household_id/name"])["datas"],
            secrets, "export_data masked")
        for view_type in ("form", "tree", "search"):
            view = Resident.fields_view_get(view_type=view_type)
            self.assertNotIn("id_number", view["fields"])
            self.assertNotIn("phone", view["fields"])
            self.assertNotIn("birth_date", view["fields"])
            self.assertNoSecret(
                record.read(list(view["fields"])), secrets,
                "fields of the %s view" % view_type)
        return True

    @staticmethod
    def attachment_datas(attachment):
        return base64.b64decode(attachment.datas or b"")
