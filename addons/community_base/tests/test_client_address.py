# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The client's address for the login lock-out (tools/client_address.py),
without a database; over HTTP in tests/test_login_lockout.py."""
import doctest
import unittest

from ..tools import client_address as module
from ..tools.client_address import client_address, parse_networks

PROXY = parse_networks("172.18.0.0/16")


class TestClientAddress(unittest.TestCase):

    def test_doctests_pass(self):
        failures, tried = doctest.testmod(module)
        self.assertTrue(tried)
        self.assertEqual(failures, 0)

    def test_header_from_an_untrusted_peer_is_ignored(self):
        self.assertEqual(client_address({
            "REMOTE_ADDR": "203.0.113.7",
            "HTTP_X_FORWARDED_FOR": "10.9.9.9"}, PROXY), "203.0.113.7")

    def test_proxy_fix_cannot_launder_a_forged_header(self):
        # proxy_mode rewrote REMOTE_ADDR from the header of an untrusted peer
        self.assertEqual(client_address({
            "REMOTE_ADDR": "10.9.9.9",
            "werkzeug.proxy_fix.orig": {"REMOTE_ADDR": "203.0.113.7"},
            "HTTP_X_FORWARDED_FOR": "10.9.9.9"}, PROXY), "203.0.113.7")

    def test_client_is_the_hop_the_trusted_proxy_saw(self):
        # a client's own header comes first; nginx appends the real peer
        self.assertEqual(client_address({
            "REMOTE_ADDR": "172.18.0.3",
            "HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.4"}, PROXY),
            "198.51.100.4")

    def test_chained_trusted_proxies_are_skipped(self):
        self.assertEqual(client_address({
            "REMOTE_ADDR": "172.18.0.3",
            "HTTP_X_FORWARDED_FOR": "198.51.100.4, 172.18.0.9"}, PROXY),
            "198.51.100.4")

    def test_ipv6_peer_against_ipv4_networks(self):
        self.assertEqual(client_address({
            "REMOTE_ADDR": "::1", "HTTP_X_FORWARDED_FOR": "10.9.9.9"},
            PROXY), "::1")

    def test_no_peer_no_address(self):
        self.assertIsNone(client_address({}, PROXY))
