from . import test_evaluator
