# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import GridCase

# Monday 2 March 2026, 10:00 in Beijing
MONDAY = "2026-03-02 02:00:00"


class CaseLoopCase(GridCase):
    """GridCase plus what the case loop needs: a test calendar with exact
    days off and worked weekends for street A (street B falls back to the
    shipped calendar), categories of the three levels, a street section with
    its head, and two case handlers.

    Test calendar: Monday to Friday; holidays 4-6 April (Qingming) and 1-5
    May (Labour Day), entered in Beijing time; Saturday 9 May worked.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Test case calendar",
            "global_leave_ids": [
                (0, 0, {"name": "Qingming", "tz": "Asia/Shanghai",
                        "date_from": "2026-04-03 16:00:00",
                        "date_to": "2026-04-06 15:59:59"}),
                (0, 0, {"name": "Labour Day", "tz": "Asia/Shanghai",
                        "date_from": "2026-04-30 16:00:00",
                        "date_to": "2026-05-05 15:59:59"}),
            ],
            "workday_ids": [(0, 0, {"date": "2026-05-09",
                                    "name": "Labour Day"})],
        })
        cls.street_a.case_calendar_id = cls.calendar
        cls.handler = cls._create_user(
            "handler", "community_grid.group_case_handler")
        cls.handler_2 = cls._create_user(
            "handler_2", "community_grid.group_case_handler")
        cls.section_head = cls._create_user(
            "section_head", "community_grid.group_case_handler")
        for user in (cls.handler, cls.handler_2, cls.section_head):
            cls._set_street(user, cls.street_a)
        head = cls.env["hr.employee"].create({
            "name": "Section head", "user_id": cls.section_head.id})
        cls.section = cls.env["hr.department"].create({
            "name": "Urban management section", "manager_id": head.id})
        Category = cls.env["grid.case.category"]
        cls.category_street = Category.create({
            "name": "Test litter", "code": "T-ENV", "level": "street"})
        cls.category_department = Category.create({
            "name": "Test lights", "code": "T-FAC", "level": "department",
            "department_id": cls.section.id})
        cls.category_multi = Category.create({
            "name": "Test hazard", "code": "T-SAF", "level": "multi"})

    @classmethod
    def _create_case(cls, user=None, **vals):
        values = {
            "category_id": cls.category_street.id,
            "description": "<p>Rubbish piled at the gate</p>",
            "household_id": cls.household_a1.id,
            "date_reported": MONDAY,
            "channel": "visit",
        }
        values.update(vals)
        Case = cls.env["grid.case"]
        if user:
            Case = Case.sudo(user.id)
        return Case.create(values)

    def _dispatched_case(self, handler=None, **vals):
        case = self._create_case(**vals)
        case.handler_user_id = handler or self.handler
        case.sudo(self.street_clerk.id).action_dispatch()
        return case

    def _move_to(self, case, state):
        """Take ``case`` along the loop up to ``state`` as the street clerk
        (and its handler for the feedback)."""
        clerk = case.sudo(self.street_clerk.id)
        steps = ["report", "dispatch", "handle", "verify", "close",
                 "evaluate"]
        for step in steps[steps.index(case.state) + 1:steps.index(state) + 1]:
            if step == "dispatch":
                if not case.handler_user_id:
                    case.handler_user_id = self.handler
                clerk.action_dispatch()
            elif step == "handle":
                case.handle_note = "Cleared the rubbish"
                clerk.action_handle()
            elif step == "verify":
                clerk.action_verify()
            elif step == "close":
                clerk.action_close()
            elif step == "evaluate":
                clerk.satisfaction = "satisfied"
                clerk.action_evaluate()
        self.assertEqual(case.state, state)
        return case
