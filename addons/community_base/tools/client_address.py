# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The address a login attempt comes from, for the login lock-out.

Odoo's ``proxy_mode`` believes ``X-Forwarded-For`` from whoever sends it:
anyone who reaches port 8069 directly could then give every attempt a new
address and never hit the per-address limit. Here the header counts only
when the socket's peer is one of the configured trusted proxies, and only
the hops the trusted proxies added: walking the header from the right, the
first address that is not a trusted proxy is the client. No database here:
the model reads the setting and passes the networks in.
"""
import ipaddress
import logging

_logger = logging.getLogger(__name__)


def parse_networks(text):
    """The networks of a comma- or space-separated setting; entries that are
    neither an address nor a network are logged and skipped.

    >>> parse_networks("172.18.0.0/16, 10.0.0.5 bogus")
    [IPv4Network('172.18.0.0/16'), IPv4Network('10.0.0.5/32')]
    >>> parse_networks("")
    []
    """
    networks = []
    for entry in (text or "").replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            _logger.warning("auth_brute_force.trusted_proxies: %r is neither "
                            "an address nor a network; ignored", entry)
    return networks


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return any(address.version == network.version and address in network
               for network in networks)


def client_address(environ, networks):
    """The client's address of a WSGI request, or None without a peer.

    ``environ`` may have been through werkzeug's ProxyFix (Odoo's
    ``proxy_mode``), which keeps the socket's address aside.

    >>> trusted = parse_networks("172.18.0.0/16")
    >>> client_address({"REMOTE_ADDR": "203.0.113.7",
    ...                 "HTTP_X_FORWARDED_FOR": "10.1.1.1"}, trusted)
    '203.0.113.7'
    >>> client_address({"REMOTE_ADDR": "172.18.0.3",
    ...                 "HTTP_X_FORWARDED_FOR": "1.2.3.4, 10.1.1.1"}, trusted)
    '10.1.1.1'
    >>> client_address({"REMOTE_ADDR": "1.2.3.4",
    ...                 "werkzeug.proxy_fix.orig": {"REMOTE_ADDR": "8.8.8.8"},
    ...                 "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, trusted)
    '8.8.8.8'
    >>> client_address({"REMOTE_ADDR": "172.18.0.3"}, trusted)
    '172.18.0.3'
    >>> client_address({"REMOTE_ADDR": "172.18.0.3",
    ...                 "HTTP_X_FORWARDED_FOR": "junk"}, trusted)
    '172.18.0.3'
    """
    original = environ.get("werkzeug.proxy_fix.orig") or {}
    peer = original.get("REMOTE_ADDR") or environ.get("REMOTE_ADDR")
    if not peer:
        return None
    current = _address(peer)
    if current is None or not _trusted(current, networks):
        return peer
    hops = (environ.get("HTTP_X_FORWARDED_FOR") or "").split(",")
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # not written by a trusted proxy: keep the last trusted hop
            break
        current = address
        if not _trusted(address, networks):
            break
    return str(current)
