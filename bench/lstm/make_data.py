"""The benchmark's series: 2,061 values (2,000 windows of 60 + label + 1) of a seeded random walk,
min-max scaled to [0, 1] as the course does. Written once, read by both the Java and PyTorch runs."""
import random, sys
random.seed(7)
n = 2061
x, v = [], 100.0
for _ in range(n):
    v *= 1.0 + random.gauss(0.0005, 0.015)
    x.append(v)
lo, hi = min(x), max(x)
with open(sys.argv[1], "w") as f:
    for value in x:
        f.write(f"{(value - lo) / (hi - lo):.7f}\n")
