# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, fields, models

from odoo.addons.community_base.tools import report_sheet, street_time

#: the categories of the register, in the order of the sheets' columns
CATEGORIES = ("in_service", "mobile", "hardship", "elderly", "retired",
              "direct")


class CommunityReportPack(models.Model):
    """The party building sheets of the monthly report pack: a summary with
    a row per community, then one sheet per community with its figures
    (members by category and status, in-service members reporting, pairing
    commitments, organisation life, coverage).

    The pack is read with its author's rights, as the other sheets: the
    party sheets are written only when the author reads the member register
    (the leader, a party role), and each figure counts what the author's
    rules let them read; a model the author may not read leaves its
    figures empty instead of failing the pack. Member counts are the
    register as it stands (like the population sheet); in-service service,
    pairing fulfilment and meetings are counted up to the end of the
    pack's month.
    """

    _inherit = "community.report.pack"

    def _pack_sheets(self):
        sheets = super()._pack_sheets()
        if self.env["party.member"].check_access_rights(
                "read", raise_exception=False):
            sheets.append((70, "_sheet_party"))
        return sheets

    # -- what the party sheets read ---------------------------------------------

    def _party_model(self, model_name):
        """``model_name`` when the author may read it, else ``None``: its
        figures stay empty (an organiser reads no pairing)."""
        model = self.env.get(model_name)
        if model is None or not model.check_access_rights(
                "read", raise_exception=False):
            return None
        return model

    def _party_year_bounds(self):
        """1 January of the pack's year and the first day after its month
        (dates): the year to the end of the month."""
        start, end = self._month_bounds()
        return start.replace(month=1, day=1), end

    def _party_counts(self, model, domain, groupby):
        """{(value of each of ``groupby``): number of records} of
        ``model`` in the pack's street; a many2one value is its id (False
        for none)."""
        counts = {}
        domain = [("company_id", "=", self.company_id.id)] + domain
        for group in model.read_group(domain, groupby, groupby, lazy=False):
            key = tuple(group[name][0] if isinstance(group[name], tuple)
                        else group[name] for name in groupby)
            counts[key] = group["__count"]
        return counts

    def _party_member_figures(self):
        """{community id: {"total", "full", "probationary", category...}}
        of the members in the register."""
        figures = {}
        counts = self._party_counts(
            self.env["party.member"], [("state", "=", "active")],
            ["community_id", "category", "status"])
        for (community, category, status), count in counts.items():
            row = figures.setdefault(community, dict.fromkeys(
                ("total", "full", "probationary") + CATEGORIES, 0))
            row["total"] += count
            row[status] += count
            row[category] += count
        return figures

    def _party_inservice_figures(self):
        """{community id: {"reporting", "reported", "active", "hours",
        "units"}}: the in-service members reporting on the last day of the
        month (registered by then, not ended before), those who registered
        in the year,
        those who served in the year to the end of the month (volunteer
        service of their resident record, as ``active_this_year`` counts
        it for the current year) with their hours, and their units."""
        Registration = self._party_model("party.inservice.registration")
        if Registration is None:
            return {}
        year_start, end = (fields.Date.to_string(day)
                           for day in self._party_year_bounds())
        last_day = fields.Date.to_string(self._month_bounds()[1]
                                         - datetime.timedelta(days=1))
        # in force on the month's last day: its history, not today's state
        registrations = Registration.search([
            ("company_id", "=", self.company_id.id),
            ("date_registered", "<=", last_day),
            "|", ("date_ended", "=", False), ("date_ended", ">=", last_day)])
        service = self._party_service(
            registrations.mapped("resident_id"), year_start, end)
        figures = {}
        for registration in registrations:
            row = figures.setdefault(registration.community_id.id, {
                "reporting": 0, "reported": 0, "active": 0, "hours": 0.0,
                "units": set()})
            row["reporting"] += 1
            if registration.date_registered >= year_start:
                row["reported"] += 1
            resident = registration.resident_id
            if service is not None and resident.id in service:
                row["active"] += 1
                row["hours"] += service[resident.id]
            if registration.unit_id:
                row["units"].add(registration.unit_id.id)
        for row in figures.values():
            row["units"] = len(row["units"])
        return figures

    def _party_service(self, residents, date_from, date_to):
        """{resident id: hours} of the volunteer service of ``residents``
        dated in [``date_from``, ``date_to``); ``None`` when the author may
        not read volunteer service."""
        Activity = self._party_model("community.volunteer.activity")
        if Activity is None:
            return None
        if not residents:
            return {}
        return {
            group["volunteer_id"][0]: group["hours"]
            for group in Activity.read_group([
                ("volunteer_id", "in", residents.ids),
                ("date", ">=", date_from), ("date", "<", date_to)],
                ["volunteer_id", "hours"], ["volunteer_id"])}

    def _party_pairing_figures(self):
        """{community id: {"pairings", "commitments", "done", "done_month"}}
        of the active pairings: their commitments, those fulfilled, those
        fulfilled in the month."""
        Commitment = self._party_model("party.pairing.commitment")
        Pairing = self._party_model("party.pairing")
        if Commitment is None or Pairing is None:
            return {}
        start, end = (fields.Date.to_string(day)
                      for day in self._month_bounds())
        figures = {}

        def row(community):
            return figures.setdefault(community, dict.fromkeys(
                ("pairings", "commitments", "done", "done_month"), 0))

        for (community,), count in self._party_counts(
                Pairing, [("state", "=", "active")],
                ["community_id"]).items():
            row(community)["pairings"] = count
        in_force = [("pairing_id.state", "=", "active")]
        for (community, state), count in self._party_counts(
                Commitment, in_force, ["community_id", "state"]).items():
            row(community)["commitments"] += count
            if state == "done":
                row(community)["done"] += count
        for (community,), count in self._party_counts(Commitment, in_force + [
                ("state", "=", "done"), ("date_done", ">=", start),
                ("date_done", "<", end)], ["community_id"]).items():
            row(community)["done_month"] = count
        return figures

    def _party_meeting_figures(self):
        """{community id: {"planned_month", "held_month", "planned_year",
        "held_year", "decisions", "decisions_done"}}: the meetings held on
        the street's days of the month and of the year to its end
        (planned: not cancelled), and the decisions of the year's
        meetings."""
        Meeting = self._party_model("party.meeting")
        if Meeting is None:
            return {}
        month_start, end = self._month_bounds()
        last_day = fields.Date.to_string(end - datetime.timedelta(days=1))
        periods = {
            period: street_time.street_day_bounds(
                self.env, fields.Date.to_string(first), last_day,
                self.company_id)
            for period, first in (
                ("month", month_start),
                ("year", self._party_year_bounds()[0]))}
        figures = {}

        def row(community):
            return figures.setdefault(community, dict.fromkeys(
                ("planned_month", "held_month", "planned_year", "held_year",
                 "decisions", "decisions_done"), 0))

        for period, (since, until) in periods.items():
            for (community, state), count in self._party_counts(Meeting, [
                    ("state", "!=", "cancelled"), ("date", ">=", since),
                    ("date", "<", until)], ["community_id", "state"]).items():
                row(community)["planned_" + period] += count
                if state == "held":
                    row(community)["held_" + period] += count
        Decision = self._party_model("party.meeting.decision")
        if Decision is not None:
            since, until = periods["year"]
            for (community, state), count in self._party_counts(Decision, [
                    ("meeting_date", ">=", since),
                    ("meeting_date", "<", until)],
                    ["community_id", "state"]).items():
                row(community)["decisions"] += count
                if state == "done":
                    row(community)["decisions_done"] += count
        return figures

    def _party_coverage_figures(self):
        """{community id: row of ``party.coverage.report``}: the coverage
        as it stands."""
        Coverage = self._party_model("party.coverage.report")
        if Coverage is None:
            return {}
        return {
            row["community_id"][0]: row
            for row in Coverage.search_read(
                [("company_id", "=", self.company_id.id)],
                ["community_id", "grid_count", "grid_branch_count",
                 "building_count", "building_group_count", "unit_count",
                 "unit_paired_count"])
            if row["community_id"]}

    # -- the sheets ---------------------------------------------------------------

    def _party_figures(self):
        """Every figure of the party sheets: {part: {community id: row}}."""
        return {
            "members": self._party_member_figures(),
            "inservice": self._party_inservice_figures(),
            "pairing": self._party_pairing_figures(),
            "meetings": self._party_meeting_figures(),
            "coverage": self._party_coverage_figures(),
        }

    def _party_places(self, figures):
        """The rows of the summary: (label, community id) for each
        community the author reads, and the street's organisations (no
        community: the working committee, directly managed members) when
        they have members."""
        places = [(community.name, community.id)
                  for community in self._communities()]
        if figures["members"].get(False):
            places.append((_("Street organisations"), False))
        return places

    def _party_category_labels(self):
        """The register's categories as the reader reads them."""
        return dict(self.env["party.member"]._fields[
            "category"]._description_selection(self.env))

    def _sheet_party(self, book):
        figures = self._party_figures()
        places = self._party_places(figures)
        self._sheet_party_summary(book, figures, places)
        for community in self._communities():
            self._sheet_party_community(book, figures, community)

    @staticmethod
    def _party_summary_row(figures, community):
        """The summary's figures of ``community`` (an id, False for the
        street's organisations), as a dict of counts."""
        members = figures["members"].get(community, {})
        inservice = figures["inservice"].get(community, {})
        pairing = figures["pairing"].get(community, {})
        meetings = figures["meetings"].get(community, {})
        coverage = figures["coverage"].get(community, {})
        return {
            "total": members.get("total", 0),
            "probationary": members.get("probationary", 0),
            "in_service": members.get("in_service", 0),
            "mobile": members.get("mobile", 0),
            "hardship": members.get("hardship", 0),
            "senior": members.get("elderly", 0) + members.get("retired", 0),
            "direct": members.get("direct", 0),
            "reporting": inservice.get("reporting", 0),
            "active": inservice.get("active", 0),
            "hours": inservice.get("hours", 0.0),
            "pairings": pairing.get("pairings", 0),
            "commitments": pairing.get("commitments", 0),
            "done": pairing.get("done", 0),
            "planned": meetings.get("planned_year", 0),
            "held": meetings.get("held_year", 0),
            "grid_count": coverage.get("grid_count", 0),
            "grid_branch_count": coverage.get("grid_branch_count", 0),
            "building_count": coverage.get("building_count", 0),
            "building_group_count": coverage.get("building_group_count", 0),
            "unit_count": coverage.get("unit_count", 0),
            "unit_paired_count": coverage.get("unit_paired_count", 0),
        }

    @staticmethod
    def _party_summary_cells(row):
        ratio = report_sheet.ratio
        return [
            row["total"], row["probationary"], row["in_service"],
            row["mobile"], row["hardship"], row["senior"], row["direct"],
            row["reporting"], row["active"],
            ratio(row["active"], row["reporting"]), row["hours"],
            row["pairings"], row["commitments"], row["done"],
            ratio(row["done"], row["commitments"]),
            row["planned"], row["held"], ratio(row["held"], row["planned"]),
            ratio(row["grid_branch_count"], row["grid_count"]),
            ratio(row["building_group_count"], row["building_count"]),
            ratio(row["unit_paired_count"], row["unit_count"]),
        ]

    def _sheet_party_summary(self, book, figures, places):
        labels = self._party_category_labels()
        columns = [
            (_("Community"), "text", 16),
            (_("Members in the register"), "int", 8),
            (_("Probationary members"), "int", 8),
            (labels["in_service"], "int", 8), (labels["mobile"], "int", 7),
            (labels["hardship"], "int", 8),
            (_("Senior and retired"), "int", 8),
            (labels["direct"], "int", 8),
            (_("Members reporting"), "int", 8),
            (_("Active this year"), "int", 8),
            (_("Active share"), "percent", 8),
            (_("Service hours this year"), "float", 9, 1),
            (_("Units paired"), "int", 7), (_("Commitments made"), "int", 8),
            (_("Fulfilled"), "int", 8), (_("Fulfilment rate"), "percent", 8),
            (_("Meetings planned"), "int", 8), (_("Meetings held"), "int", 8),
            (_("Meetings held rate"), "percent", 8),
            (_("Grid branch coverage"), "percent", 8),
            (_("Building group coverage"), "percent", 9),
            (_("Unit pairing coverage"), "percent", 8),
        ]
        groups = [
            (_("Party members in the register"), 1, 7),
            (_("In-service members reporting"), 8, 11),
            (_("Pairing commitments"), 12, 15),
            (_("Meetings of the year"), 16, 18),
            (_("Organisation coverage"), 19, 21),
        ]
        table = book.table(
            _("Party building"), columns,
            _("Party building by community"), subtitle=self._subtitle(),
            groups=groups, header_height=45)
        sums = None
        for label, community in places:
            row = self._party_summary_row(figures, community)
            table.write_row([label] + self._party_summary_cells(row))
            sums = row if sums is None else {
                key: sums[key] + value for key, value in row.items()}
        if sums is None:
            sums = self._party_summary_row(figures, None)
        table.write_totals(
            [self._total_label()] + self._party_summary_cells(sums))

    def _sheet_party_community(self, book, figures, community):
        """The community's sheet: one figure a row, with what it is out of
        and the rate, in sections."""
        ratio = report_sheet.ratio
        columns = [(_("Party building figure"), "text", 36),
                   (_("How many"), "int", 10), (_("Out of"), "int", 10),
                   (_("Share of the whole"), "percent", 10)]
        table = book.table(
            community.name, columns,
            _("Party building of %s") % community.name,
            subtitle=self._subtitle(), suffix=_("Party"))
        members = figures["members"].get(community.id, {})
        total = members.get("total", 0)
        labels = self._party_category_labels()
        sections = [(_("Party members in the register"), [
            (_("Members in the register"), total, None),
            (_("Full members"), members.get("full", 0), total),
            (_("Probationary members"), members.get("probationary", 0),
             total),
        ] + [(labels[category], members.get(category, 0), total)
             for category in CATEGORIES])]
        if self._party_model("party.inservice.registration") is not None:
            inservice = figures["inservice"].get(community.id, {})
            sections.append((_("In-service members reporting"), [
                (_("Members reporting"), inservice.get("reporting", 0),
                 None),
                (_("Registered this year"), inservice.get("reported", 0),
                 None),
                (_("Active this year"), inservice.get("active", 0),
                 inservice.get("reporting", 0)),
                (_("Service hours this year"),
                 float(inservice.get("hours", 0.0)), None),
                (_("Units of the members reporting"),
                 inservice.get("units", 0), None),
            ]))
        if self._party_model("party.pairing.commitment") is not None:
            pairing = figures["pairing"].get(community.id, {})
            sections.append((_("Pairing"), [
                (_("Units paired"), pairing.get("pairings", 0), None),
                (_("Commitments fulfilled"), pairing.get("done", 0),
                 pairing.get("commitments", 0)),
                (_("Commitments fulfilled this month"),
                 pairing.get("done_month", 0), None),
            ]))
        if self._party_model("party.meeting") is not None:
            meetings = figures["meetings"].get(community.id, {})
            rows = [
                (_("Meetings held this month"),
                 meetings.get("held_month", 0),
                 meetings.get("planned_month", 0)),
                (_("Meetings held this year"), meetings.get("held_year", 0),
                 meetings.get("planned_year", 0)),
            ]
            if self._party_model("party.meeting.decision") is not None:
                rows.append((_("Decisions of the year carried out"),
                             meetings.get("decisions_done", 0),
                             meetings.get("decisions", 0)))
            sections.append((_("Organisation life"), rows))
        if self._party_model("party.coverage.report") is not None:
            coverage = figures["coverage"].get(community.id, {})
            sections.append((_("Organisation coverage"), [
                (_("Grids with a party branch"),
                 coverage.get("grid_branch_count", 0),
                 coverage.get("grid_count", 0)),
                (_("Buildings with a party group"),
                 coverage.get("building_group_count", 0),
                 coverage.get("building_count", 0)),
                (_("Resident units in a pairing"),
                 coverage.get("unit_paired_count", 0),
                 coverage.get("unit_count", 0)),
            ]))
        hours_style = book.styles.cell("float", 1)
        for title, rows in sections:
            table.write_row([report_sheet.Span(title, len(columns))],
                            total=True)
            for label, number, whole in rows:
                index = table.write_row([
                    label, number, whole,
                    ratio(number, whole) if whole is not None else None])
                if isinstance(number, float):
                    table.sheet.write_number(index, 1, number, hours_style)
