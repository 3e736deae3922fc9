# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError

from .common import CommunityCase, make_id_number


class TestMailLeaks(CommunityCase):
    """The records that hang on a document (its chatter, files, followers,
    activities, approvals, notifications and e-mails) show a user only what
    hangs on documents they may read, through every ORM channel: search,
    read, name_search and above all read_group, which Odoo 11 computes from
    the record rules alone and so skipped the document checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._create_resident(
            "Mailleak Sun A2", cls.household_a2,
            make_id_number("110106", "19770808", "591"),
            relation="child", phone="13755500091")
        cls.doc = {"model": "community.resident", "res_id": cls.secret.id}
        cls.message = cls.env["mail.message"].create(dict(
            cls.doc, message_type="comment",
            body="<p>Mailleak body: called %s</p>" % cls.secret.phone))
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "mailleak-scan.txt", "datas_fname": "mailleak-scan.txt",
            "res_model": "community.resident", "res_id": cls.secret.id,
            "datas": base64.b64encode(b"ID card")})
        cls.outsider = cls.env["res.partner"].create(
            {"name": "Mailleak Outsider"})
        cls.follower = cls.env["mail.followers"].create({
            "res_model": "community.resident", "res_id": cls.secret.id,
            "partner_id": cls.outsider.id})
        # activities need a mail.thread: an admission request of street B
        cls.request_b = cls.env["community.admission.request"].create({
            "name": "Mailleak census", "task_type": "survey",
            "department_id": cls.env["hr.department"].create(
                {"name": "Mailleak Bureau"}).id,
            "legal_basis": "Statistics Law", "workload": "One day",
            "company_id": cls.street_b.id,
            "community_ids": [(6, 0, cls.community_b1.ids)],
            "date_start": "2026-03-01", "date_end": "2026-06-30"})
        cls.activity = cls.env["mail.activity"].create({
            "res_model_id": cls.env.ref(
                "community_base.model_community_admission_request").id,
            "res_id": cls.request_b.id,
            "summary": "Mailleak activity: visit Sun",
            "user_id": cls.street_admin.id,
            "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id,
        })
        cls.review = cls.env["tier.review"].create(dict(
            cls.doc, requested_by=cls.street_admin.id))
        cls.notification = cls.env["mail.notification"].create({
            "mail_message_id": cls.message.id,
            "res_partner_id": cls.outsider.id})
        cls.mail = cls.env["mail.mail"].create({
            "subject": "Mailleak mail", "body_html": "<p>Mailleak mail</p>",
            "email_to": "outsider@example.com"})
        # and one of each on a resident the clerk may read
        cls.own_message = cls.env["mail.message"].create({
            "model": "community.resident", "res_id": cls.resident_a1.id,
            "message_type": "comment", "body": "<p>Visible note</p>"})
        cls.own_follower = cls.env["mail.followers"].create({
            "res_model": "community.resident", "res_id": cls.resident_a1.id,
            "partner_id": cls.outsider.id})

    def as_clerk(self, model):
        return self.env[model].sudo(self.community_clerk.id)

    def assert_grouped_without(self, model, fields, groupby, secret):
        groups = self.as_clerk(model).read_group([], fields, groupby, lazy=False)
        self.assertNotIn(secret, str(groups), "%s read_group" % model)
        return groups

    def test_message_read_group(self):
        self.assert_grouped_without(
            "mail.message", ["body"], ["body"], "Mailleak body")
        self.assert_grouped_without(
            "mail.message", ["record_name"], ["record_name"], self.secret.name)
        groups = self.assert_grouped_without(
            "mail.message", ["model", "res_id"], ["model", "res_id"],
            "Mailleak body")
        # the clerk's own chatter is still grouped
        self.assertIn(self.resident_a1.id, [group["res_id"] for group in groups])
        self.assertNotIn(self.secret.id, [group["res_id"] for group in groups])

    def test_message_counts(self):
        Message = self.as_clerk("mail.message")
        self.assertEqual(Message.search_count([("id", "=", self.message.id)]), 0)
        self.assertEqual(
            Message.search_count([("id", "=", self.own_message.id)]), 1)

    def test_attachment_read_group(self):
        groups = self.assert_grouped_without(
            "ir.attachment", ["name"], ["name"], "mailleak-scan")
        self.assertFalse(groups and [group for group in groups
                                     if group["name"] == "mailleak-scan.txt"])
        groups = self.as_clerk("ir.attachment").read_group(
            [("res_model", "=", "community.resident")], ["res_id"],
            ["res_id"], lazy=False)
        self.assertNotIn(self.secret.id, [group["res_id"] for group in groups])
        self.assertEqual(self.as_clerk("ir.attachment").search_count(
            [("id", "=", self.attachment.id)]), 0)

    def test_followers_of_unreadable_documents(self):
        Follower = self.as_clerk("mail.followers")
        self.assertNotIn(self.follower, Follower.search([]))
        self.assertIn(self.own_follower, Follower.search([]))
        self.assertEqual(
            Follower.search_count([("id", "=", self.follower.id)]), 0)
        with self.assertRaises(AccessError):
            Follower.browse(self.follower.id).read(["res_id", "partner_id"])
        Follower.browse(self.own_follower.id).read(["res_id", "partner_id"])
        groups = Follower.read_group(
            [], ["res_model", "res_id"], ["res_model", "res_id"], lazy=False)
        self.assertNotIn(self.secret.id, [group["res_id"] for group in groups])

    def test_activities_of_unreadable_documents(self):
        Activity = self.as_clerk("mail.activity")
        self.assertNotIn(self.activity, Activity.search([]))
        with self.assertRaises(AccessError):
            Activity.browse(self.activity.id).read(["summary"])
        with self.assertRaises(AccessError):
            Activity.browse(self.activity.id).name_get()
        self.assertNotIn("Mailleak activity", str(Activity.name_search("Mailleak")))
        self.assert_grouped_without(
            "mail.activity", ["summary"], ["summary"], "Mailleak activity")

    def test_tier_reviews_of_unreadable_documents(self):
        Review = self.as_clerk("tier.review")
        self.assertNotIn(self.review, Review.search([]))
        with self.assertRaises(AccessError):
            Review.browse(self.review.id).read(["res_id", "model"])
        with self.assertRaises(AccessError):
            Review.browse(self.review.id).write({"status": "approved"})
        groups = Review.read_group([], ["res_id"], ["res_id"], lazy=False)
        self.assertNotIn(self.secret.id, [group["res_id"] for group in groups])

    def test_notifications_of_unreadable_messages(self):
        Notification = self.as_clerk("mail.notification")
        self.assertNotIn(self.notification, Notification.search([]))
        with self.assertRaises(AccessError):
            Notification.browse(self.notification.id).read(["mail_message_id"])

    def test_mail_mail_own_only(self):
        Mail = self.as_clerk("mail.mail")
        self.assertNotIn(self.mail, Mail.search([]))
        with self.assertRaises(AccessError):
            Mail.browse(self.mail.id).read(["body_html", "email_to"])
        self.assert_grouped_without(
            "mail.mail", ["subject"], ["subject"], "Mailleak mail")
        own = Mail.create({"subject": "Own mail", "email_to": "a@example.com"})
        self.assertIn(own, Mail.search([]))
        self.assertEqual(own.read(["subject"])[0]["subject"], "Own mail")
        # an administrator reads every mail
        sysadmin = self._create_user("sysadmin", "base.group_system")
        self.assertIn(self.mail, self.env["mail.mail"].sudo(sysadmin.id).search([]))

    def test_login_attempts_for_administrators_only(self):
        Attempt = self.env["res.authentication.attempt"]
        attempt = Attempt.create({"login": "someone", "remote": "10.1.2.3",
                                  "result": "failed"})
        for user in (self.community_clerk, self.street_admin, self.leader,
                     self.internal_user):
            self.assertFalse(Attempt.sudo(user.id).check_access_rights(
                "read", raise_exception=False), user.login)
            with self.assertRaises(AccessError):
                attempt.sudo(user.id).read(["login", "remote"])
        # the lock-out check still runs as the user logging in
        self.assertTrue(Attempt.sudo(self.community_clerk.id)._trusted(
            "10.1.2.4", self.community_clerk.login))
        sysadmin = self._create_user("sysadmin", "base.group_system")
        self.assertEqual(Attempt.sudo(sysadmin.id).search(
            [("id", "=", attempt.id)]), attempt)


class TestRefusedMove(CommunityCase):

    def test_refused_move_does_not_name_the_other_household(self):
        """A clerk of A1 moving a resident into a household of A2 is
        refused without being told that household's address."""
        Move = self.env["community.resident.move"].sudo(self.community_clerk.id)
        with self.assertRaises(AccessError) as caught:
            Move.create({"resident_id": self.resident_a1_spouse.id,
                         "move_type": "transfer",
                         "to_household_id": self.household_a2.id})
        message = str(caught.exception)
        self.assertIn(self.resident_a1_spouse.name, message)
        self.assertNotIn(self.household_a2.name, message)
        self.assertNotIn(self.building_a2.name, message)
