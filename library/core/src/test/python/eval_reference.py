"""Reference values of FrechetDistanceTest and KernelInceptionDistanceTest, computed once with numpy.

Run with any Python that has numpy (here numpy 2.4.6): python3 library/core/src/test/python/eval_reference.py
The inputs are the closed-form sets of MetricReferenceTest.java: a[i][j] = sin(0.37*i + 1.3*j) + 0.1*j and
b[i][j] = cos(0.23*i + 0.7*j) * 1.5 - 0.2, with i < n, j < d.
"""
import numpy as np


def sets(n_a, n_b, d):
    a = np.array([[np.sin(0.37 * i + 1.3 * j) + 0.1 * j for j in range(d)] for i in range(n_a)])
    b = np.array([[np.cos(0.23 * i + 0.7 * j) * 1.5 - 0.2 for j in range(d)] for i in range(n_b)])
    return a, b


def frechet(a, b):
    mu_a, mu_b = a.mean(0), b.mean(0)
    s_a, s_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    # Tr((s_a s_b)^1/2) from the eigenvalues of s_a s_b (real, non-negative for PSD matrices)
    eig = np.linalg.eigvals(s_a @ s_b)
    tr_root = np.sqrt(np.clip(eig.real, 0, None)).sum()
    return float(((mu_a - mu_b) ** 2).sum() + np.trace(s_a) + np.trace(s_b) - 2 * tr_root)


def mmd2_unbiased(x, y):
    d = x.shape[1]
    m = x.shape[0]
    kxx = (x @ x.T / d + 1) ** 3
    kyy = (y @ y.T / d + 1) ** 3
    kxy = (x @ y.T / d + 1) ** 3
    return float((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (m * (m - 1))
                 - 2 * kxy.sum() / (m * m))


a, b = sets(40, 30, 5)
print("frechet(a 40x5, b 30x5) =", repr(frechet(a, b)))
a, b = sets(25, 25, 6)
print("mmd2_unbiased(a 25x6, b 25x6) =", repr(mmd2_unbiased(a, b)))
