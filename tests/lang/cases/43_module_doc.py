"""Module docstring."""
import sys
x = 1
