from . import test_street_roles
