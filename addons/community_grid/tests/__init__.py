from . import test_grid_officer
