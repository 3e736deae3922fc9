"""The access matrix of docs/access.md, checked cell by cell.

The document is parsed (``access_matrix.parse``), so editing a cell there
changes what this test demands. For every model × role row it checks, with a
real user holding only that role:

- C, R, W, D: ``check_access_rights`` says what the cell says, and the real
  operation (create, read, write, unlink, each in a savepoint that is rolled
  back) works when the cell is ``x`` and is refused when it is ``-`` or
  ``o`` (``o``: the right is granted but the rules limit it to the user's
  own records, none of the fixtures). Refused means AccessError, or the
  model's own UserError/ValidationError where its code checks first, listed
  with its words in REFUSALS_IN_WORDS, or a constraint that met a record
  outside the user's rules (counted as ``refused_in_words``); any other
  error fails the cell;
- scope: of three records of the model, in community A1 (grid A1-G1, handled
  and evaluated by the role's user), community A2 (street A, another grid,
  another handler and evaluator) and community B1 (street B), the role finds
  and reads exactly those its scope covers (``all``: the three; ``street``:
  A1 and A2; anything narrower: A1 only) and reading any other raises
  AccessError; and where it may create, write or delete, doing so on a
  record out of its scope is refused;
- wizards (transient models): every user opens, reads, writes and deletes
  their own; another user's is neither found nor readable nor writable.

The fixtures come from ``access_fixtures.MatrixFixtures``: one factory per
model, built once per class on two streets, three communities and three
grids. The counts of what was checked are written to
``artifacts/access_matrix_counts.json`` and quoted at the top of the
document.
"""
import json
from contextlib import contextmanager

from access_fixtures import MatrixFixtures
from access_matrix import OPERATIONS, ROLES, ROOT, documented_models, parse

from odoo.exceptions import AccessError, UserError, ValidationError

VISIBLE = {
    # which of the places a1, a2, b1 a role of that scope sees
    "all": ("a1", "a2", "b1"),
    "street": ("a1", "a2"),
}
PLACES = ("a1", "a2", "b1")


#: the operations a model refuses in its own words before Odoo's rights
#: do, and what it says (in English: the tests run in en_US)
REFUSALS_IN_WORDS = {
    ("crossovered.budget.lines", "create"): "You do not work in the community",
    ("finance.commitment", "create"): "Only a finance officer commits budget",
    ("finance.commitment", "write"): "Only a finance officer commits budget",
    ("finance.commitment", "unlink"): "is part of the budget's history",
    ("grid.case", "unlink"): "cases are kept for the record",
    ("service.request", "unlink"): "the reception ledger is kept for the record",
}
#: the AccessError text a constraint met (wrapped in a ValidationError)
CONSTRAINT_MET_A_RULE = "due to security restrictions"


class TestAccessMatrix(MatrixFixtures):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = parse()
        cls.counts = {"real_operations": 0, "rights_checks": 0,
                      "scope_checks": 0, "refused_in_words": 0}

    @classmethod
    def tearDownClass(cls):
        rows = cls.matrix
        models = {model for model, role in rows}
        counts = dict(
            cls.counts, models=len(models), roles=len(ROLES), rows=len(rows),
            cells=len(rows) * 5)
        artifacts = ROOT / "artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / "access_matrix_counts.json").write_text(
            json.dumps(counts, indent=2, sort_keys=True))
        print("access matrix: %s" % counts)
        super().tearDownClass()

    # the document and the registry agree

    def test_every_model_is_documented(self):
        """A model of the four addons (or one they grant access on) without
        rows in docs/access.md fails here, and so does a row for a model
        that does not exist."""
        expected = documented_models(self.env)
        documented = {model for model, role in self.matrix}
        self.assertEqual(sorted(set(expected) - documented), [],
                         "models missing from docs/access.md")
        self.assertEqual(sorted(documented - set(expected)), [],
                         "rows of docs/access.md for unknown models")
        for model in expected:
            for role in ROLES:
                self.assertIn((model, role), self.matrix,
                              "docs/access.md lacks %s × %s" % (model, role))

    def test_every_model_has_fixtures(self):
        missing = {model: self.fixture_errors.get(model, "no factory")
                   for model in {model for model, role in self.matrix}
                   if model not in self.fixtures}
        self.assertFalse(missing, "models without fixtures:\n%s" % "\n".join(
            "%s: %s" % item for item in sorted(missing.items())))

    # the cells

    def test_matrix(self):
        """Every row; the failures of all rows are reported together, each
        naming its model, role and operation."""
        failures = []
        for (model, role), row in sorted(self.matrix.items()):
            if model not in self.fixtures:
                continue
            try:
                self._check_row(model, role, row)
            except AssertionError as error:
                failures.append(" ".join(str(error).split())[:500])
            except Exception as error:
                self.env.clear()
                failures.append("%s × %s: %s: %s" % (
                    model, role, type(error).__name__,
                    " ".join(str(error).split())[:400]))
        if failures:
            self.fail("%d of %d rows of docs/access.md do not hold:\n%s" % (
                len(failures), len(self.matrix), "\n".join(failures)))

    # helpers

    @contextmanager
    def _rolled_back(self):
        """Run the block and undo what it wrote, whether it raised or not."""
        cr = self.env.cr
        cr.execute("SAVEPOINT access_matrix")
        try:
            yield
        finally:
            cr.execute("ROLLBACK TO SAVEPOINT access_matrix")
            cr.execute("RELEASE SAVEPOINT access_matrix")
            self.env.clear()

    def _is_refusal_in_words(self, label, error):
        """Whether a UserError/ValidationError refusing the operation of
        ``label`` ("model × role: operation [in place]") is the model's
        own refusal for want of rights (REFUSALS_IN_WORDS), or a constraint
        that met a record outside the user's rules (Odoo 11 turns the
        AccessError of a constraint into a ValidationError): not any data
        error, which would let a cell pass for the wrong reason."""
        model, rest = label.split(" × ", 1)
        operation = rest.split(": ", 1)[1].split(" ")[0]
        message = str(error.name)
        expected = REFUSALS_IN_WORDS.get((model, operation))
        return (expected is not None and expected in message) or (
            isinstance(error, ValidationError)
            and CONSTRAINT_MET_A_RULE in message)

    def _expect(self, allowed, label, function):
        """``function`` works when ``allowed``, else it is refused: with
        AccessError, or with the model's own refusal in words (a UserError
        or ValidationError raised before anything is written: a case that
        is kept for the record, a create checked against the user's
        communities first). Any other outcome fails, naming the cell."""
        self.counts["real_operations"] += 1
        with self._rolled_back():
            try:
                function()
            except AccessError as error:
                if allowed:
                    self.fail("%s: refused but docs/access.md allows it: %s" % (
                        label, error))
                return
            except (UserError, ValidationError) as error:
                if allowed:
                    self.fail("%s: failed: %s: %s" % (
                        label, type(error).__name__, error))
                if not self._is_refusal_in_words(label, error):
                    self.fail("%s: refused, but not for want of rights: "
                              "%s: %s" % (label, type(error).__name__, error))
                self.counts["refused_in_words"] += 1
                return
            except Exception as error:
                self.fail("%s: %s: %s" % (label, type(error).__name__, error))
            if not allowed:
                self.fail("%s: allowed but docs/access.md refuses it" % label)

    def _check_row(self, model, role, row):
        user = self.role_users[role]
        records = self.fixtures[model]
        label = "%s × %s" % (model, role)
        Model = self.env[model].sudo(user.id)
        if Model._transient:
            return self._check_wizard(model, user, row, label)
        for operation in OPERATIONS:
            self.counts["rights_checks"] += 1
            self.assertEqual(
                Model.check_access_rights(operation, raise_exception=False),
                bool(row[operation]),
                "%s: check_access_rights(%s)" % (label, operation))
        visible = VISIBLE.get(row["scope"], ("a1",)) if row["read"] else ()
        seen = {records[place] for place in visible if records.get(place)}
        # the places out of the role's scope (another community, grid,
        # handler, evaluator or street), each with a record of its own
        outside = [place for place in PLACES
                   if place not in visible and records.get(place)
                   and records[place] not in seen]
        self._check_read(model, user, row, label, seen, outside)
        self._check_create(model, user, row, label, outside)
        self._check_write(model, user, row, label, outside)
        self._check_unlink(model, user, row, label, outside)

    def _check_read(self, model, user, row, label, seen, outside):
        records = self.fixtures[model]
        fields = self._read_fields(model)
        self._expect(row["read"] is True, "%s: read" % label,
                     lambda: records["a1"].sudo(user.id).read(fields))
        if not row["read"]:
            return
        self.counts["scope_checks"] += 1
        ids = [record.id for record in records.values() if record]
        found = self.env[model].sudo(user.id).search([("id", "in", ids)])
        self.assertEqual(sorted(found.ids), sorted(record.id for record in seen),
                         "%s: scope %s: found %s" % (
                             label, row["scope"], self._places(records, found)))
        for place in outside:
            self._expect(False, "%s: read in %s" % (label, place),
                         lambda place=place: records[place].sudo(user.id).read(
                             fields))

    def _check_create(self, model, user, row, label, outside):
        Model = self.env[model].sudo(user.id)
        self._expect(row["create"] is True, "%s: create" % label,
                     lambda: Model.create(self.create_vals(model, "a1")))
        if row["create"] is not True:
            return
        for place in outside:
            self._expect(False, "%s: create in %s" % (label, place),
                         lambda place=place: Model.create(
                             self.create_vals(model, place)))

    def _check_write(self, model, user, row, label, outside):
        records = self.fixtures[model]
        inside = records["a1"]
        self._expect(row["write"] is True, "%s: write" % label,
                     lambda: inside.sudo(user.id).write(
                         self.write_vals(model, inside)))
        if row["write"] is not True:
            return
        for place in outside:
            record = records[place]
            self._expect(False, "%s: write in %s" % (label, place),
                         lambda record=record: record.sudo(user.id).write(
                             self.write_vals(model, record)))

    def _check_unlink(self, model, user, row, label, outside):
        """D is tried on a new record, so that nothing depends on it."""
        def unlink(place):
            self.fresh(model, place).sudo(user.id).unlink()
        self._expect(row["unlink"] is True, "%s: unlink" % label,
                     lambda: unlink("a1"))
        if row["unlink"] is not True:
            return
        for place in outside:
            self._expect(False, "%s: unlink in %s" % (label, place),
                         lambda place=place: unlink(place))

    def _check_wizard(self, model, user, row, label):
        """A wizard: Odoo 11 lets every user open one (no access rights on
        transient models) and limits each user to those they opened."""
        Model = self.env[model].sudo(user.id)
        self.assertEqual(row["scope"], "own", "%s: a wizard's scope is own" % label)
        for operation in OPERATIONS:
            self.assertTrue(row[operation], "%s: %s" % (label, operation))

        def own_wizard():
            wizard = Model.create(self.create_vals(model, "a1"))
            wizard.read(self._read_fields(model))
            self.assertEqual(Model.search([("id", "=", wizard.id)]), wizard)
            wizard.write(self.write_vals(model, wizard))
            wizard.unlink()
        self._expect(True, "%s: create, read, write, unlink its own" % label,
                     own_wizard)
        other = self.fixtures[model]["a1"]  # opened by the superuser
        self.counts["scope_checks"] += 1
        self.assertFalse(Model.search([("id", "=", other.id)]),
                         "%s: finds another user's wizard" % label)
        fields = self._read_fields(model)
        self._expect(False, "%s: read another user's wizard" % label,
                     lambda: other.sudo(user.id).read(fields))
        self._expect(False, "%s: write another user's wizard" % label,
                     lambda: other.sudo(user.id).write(
                         self.write_vals(model, other)))

    def _places(self, records, found):
        return [place for place, record in records.items()
                if record and record in found]

    def _read_fields(self, model):
        """Stored fields every role may ask for (fields restricted to groups
        are the personal-data part's subject, not the matrix's)."""
        return [name for name, field in self.env[model]._fields.items()
                if field.store and not field.groups
                and field.type not in ("one2many", "many2many", "binary")]
