"""Floating-point math that gives the same bits on every CPU, OS and numpy build.

numpy picks the code of ``np.exp``, ``np.log``, ``np.expm1``, ``np.log1p`` and ``np.power`` at
run time from the CPU's features (AVX2, AVX-512, NEON, ...), and those versions may differ in the
last bit; the C library's functions behind numpy's random distributions (the normal's tail, the
geometric's logarithm) differ between operating systems. The generator's output is compared
byte for byte with committed checksums, so nothing it writes may depend on either.

Everything here is built from the operations IEEE 754 defines exactly (``+ - * /``, ``sqrt``,
``floor``, ``rint``, ``frexp``, ``ldexp``, comparisons), each a separate numpy call so that no
compiler can fuse two of them into one rounding: the same inputs give the same bits everywhere.
Accuracy is a few units in the last place, far beyond what a fictional sample needs.

:func:`default_rng` returns a :class:`Rand`, numpy's ``Generator`` whose float distributions
(``normal``, ``lognormal``, ``geometric``, ``uniform``) are rebuilt on these functions and on
``random()`` (exact: 53 random bits times 2**-53); its other float distributions refuse to run.
The generator uses nothing else (``tests/test_sample_portable.py`` checks its source).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, cast

import numpy as np

# ln 2 split so that k * LN2_HI is exact for |k| < 2**11 (fdlibm's constants)
LN2_HI = 6.93147180369123816490e-01
LN2_LO = 1.90821492927058770002e-10
INV_LN2 = 1.44269504088896338700e00
SQRT_HALF = 0.70710678118654752440
_EXP_MAX = 709.78
_EXP_MIN = -745.13

_EXP_TAYLOR = tuple(1.0 / math.factorial(i) for i in range(14))  # exp(r), |r| <= ln2 / 2
_EXPM1_TAYLOR = tuple(1.0 / math.factorial(i) for i in range(1, 19))  # (e^x - 1) / x, |x| < 1/2
_ATANH_ODD = tuple(1.0 / (2 * i + 1) for i in range(12))  # atanh(s) / s as a series in s*s


def _horner(x: np.ndarray, coefficients: Sequence[float]) -> np.ndarray:
    """``c[0] + c[1] x + c[2] x**2 + ...``, one multiplication and one addition at a time."""
    p = np.full_like(x, coefficients[-1])
    for c in reversed(coefficients[:-1]):
        p = p * x
        p = p + c
    return p


def _f64(x: Any) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


def exp(x: Any) -> np.ndarray:
    """``e**x``, elementwise."""
    x = _f64(x)
    with np.errstate(all="ignore"):
        xc = np.clip(np.where(np.isnan(x), 0.0, x), _EXP_MIN, _EXP_MAX)
        k = np.rint(xc * INV_LN2)
        r = (xc - k * LN2_HI) - k * LN2_LO
        y = np.ldexp(_horner(r, _EXP_TAYLOR), k.astype(np.int32))
        y = np.where(x > _EXP_MAX, np.inf, np.where(x < _EXP_MIN, 0.0, y))
        return np.where(np.isnan(x), np.nan, y)


def expm1(x: Any) -> np.ndarray:
    """``e**x - 1``, accurate near 0, elementwise."""
    x = _f64(x)
    with np.errstate(all="ignore"):
        small = np.abs(x) < 0.5
        xs = np.where(small, x, 0.0)
        near = xs * _horner(xs, _EXPM1_TAYLOR)
        far = exp(np.where(small, 0.0, x)) - 1.0
        return np.where(small, near, far)


def log(x: Any) -> np.ndarray:
    """The natural logarithm, elementwise (``-inf`` at 0, NaN below)."""
    x = _f64(x)
    with np.errstate(all="ignore"):
        ok = (x > 0) & np.isfinite(x)
        m, e = np.frexp(np.where(ok, x, 1.0))  # x = m * 2**e, 0.5 <= m < 1
        low = m < SQRT_HALF
        m = np.where(low, m * 2.0, m)  # SQRT_HALF <= m < SQRT_2
        ef = (e - low).astype(np.float64)
        f = m - 1.0
        s = f / (f + 2.0)  # log(m) = 2 atanh(s), |s| < 0.172
        log_m = (s * 2.0) * _horner(s * s, _ATANH_ODD)
        y = ef * LN2_HI + (log_m + ef * LN2_LO)
        y = np.where(x == 0, -np.inf, np.where(x == np.inf, np.inf, y))
        return np.where((x < 0) | np.isnan(x), np.nan, y)


def log1p(x: Any) -> np.ndarray:
    """``log(1 + x)``, accurate near 0, elementwise."""
    x = _f64(x)
    with np.errstate(all="ignore"):
        u = x + 1.0
        d = u - 1.0
        y = log(u) * (x / np.where(d == 0, 1.0, d))
        return cast(np.ndarray, np.where(d == 0, x, np.where(np.isinf(u), u, y)))


def power(x: Any, y: Any) -> np.ndarray:
    """``x**y`` for ``x >= 0``, elementwise."""
    x, y = _f64(x), _f64(y)
    with np.errstate(all="ignore"):
        out = exp(y * log(np.where(x > 0, x, 1.0)))
        return np.where(x > 0, out, np.where(x == 0, np.where(y > 0, 0.0, np.inf), np.nan))


# Acklam's rational approximation of the normal quantile (relative error below 1.2e-9)
_A = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02,
      1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)  # fmt: skip
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02,
      6.680131188771972e01, -1.328068155288572e01, 1.0)  # fmt: skip
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00,
      -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)  # fmt: skip
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00,
      3.754408661907416e00, 1.0)  # fmt: skip
_P_LOW = 0.02425


def normal_quantile(p: Any) -> np.ndarray:
    """The standard normal's quantile function at ``0 < p < 1``, elementwise."""
    p = _f64(p)
    with np.errstate(all="ignore"):
        q = p - 0.5
        r = q * q
        central = _horner(r, _A[::-1]) * q / _horner(r, _B[::-1])
        tail_p = np.where(p < 0.5, p, 1.0 - p)
        t = np.sqrt(log(tail_p) * -2.0)
        tail = _horner(t, _C[::-1]) / _horner(t, _D[::-1])
        tail = np.where(p < 0.5, tail, -tail)
        return cast(np.ndarray, np.where(np.abs(q) <= 0.5 - _P_LOW, central, tail))


_OPEN_LOW = 2.0**-54
_OPEN_HIGH = 1.0 - 2.0**-53


class Rand(np.random.Generator):
    """numpy's ``Generator`` with its float distributions rebuilt on this module's functions.

    ``random``, ``integers``, ``choice``, ``permutation`` and ``shuffle`` are numpy's own (they
    use only integer arithmetic and an exact scaling). The distributions below draw uniform
    numbers from ``random()`` and transform them with the functions above; the other float
    distributions of numpy raise, so that none slips in unnoticed.
    """

    def _open_uniform(self, size: Any) -> np.ndarray:
        """Uniform numbers in the open interval (0, 1)."""
        u = np.asarray(self.random(size), dtype=np.float64) + _OPEN_LOW
        return np.minimum(u, _OPEN_HIGH)

    def standard_normal(self, size: Any = None, dtype: Any = np.float64, out: Any = None) -> Any:
        if dtype is not np.float64 or out is not None:
            raise NotImplementedError("Rand.standard_normal: only float64 without out=")
        return normal_quantile(self._open_uniform(size))

    def normal(self, loc: Any = 0.0, scale: Any = 1.0, size: Any = None) -> Any:
        z = self.standard_normal(size)
        return z * _f64(scale) + _f64(loc)

    def lognormal(self, mean: Any = 0.0, sigma: Any = 1.0, size: Any = None) -> Any:
        return exp(self.normal(mean, sigma, size))

    def uniform(self, low: Any = 0.0, high: Any = 1.0, size: Any = None) -> Any:
        low, high = _f64(low), _f64(high)
        return self.random(size) * (high - low) + low

    def geometric(self, p: Any, size: Any = None) -> Any:
        """Trials until the first success (1, 2, ...), by inversion of the distribution."""
        p = _f64(p)
        if np.any((p <= 0) | (p > 1)):
            raise ValueError("geometric: p must be in (0, 1]")
        u = self._open_uniform(size)
        with np.errstate(all="ignore"):
            k = np.ceil(log(u) / log1p(-p))
        return np.where(p == 1, 1, np.maximum(k, 1)).astype(np.int64)

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            "this numpy distribution is not bit-reproducible across CPUs; add a version built on "
            "analysis.sample.detmath to Rand first"
        )

    exponential = standard_exponential = poisson = gamma = standard_gamma = _refuse
    beta = binomial = negative_binomial = pareto = power = zipf = weibull = _refuse
    laplace = logistic = gumbel = rayleigh = wald = vonmises = triangular = _refuse
    chisquare = f = standard_t = standard_cauchy = dirichlet = _refuse
    multivariate_normal = multinomial = hypergeometric = logseries = _refuse
    noncentral_chisquare = noncentral_f = multivariate_hypergeometric = _refuse


def default_rng(seed: Any) -> Rand:
    """Like ``np.random.default_rng(seed)`` (same bit stream), with bit-reproducible floats."""
    return Rand(np.random.PCG64(seed))


__all__ = [
    "Rand",
    "default_rng",
    "exp",
    "expm1",
    "log",
    "log1p",
    "normal_quantile",
    "power",
]
