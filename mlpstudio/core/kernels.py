"""Fused GPU kernels for the hot element-wise updates (CuPy only).

On the GPU a small network spends most of a step launching kernels, not computing: Adam written
with array operations is ten kernel launches over the parameters, momentum three. Each update
here is one ``cupy.ElementwiseKernel`` doing the same arithmetic as the numpy code in
:mod:`mlpstudio.core.optimizers` and :mod:`mlpstudio.core.activations`. On numpy, callers use
the array expressions instead (numpy has no such kernels, and its calls are cheap).
"""

from __future__ import annotations

import functools


def is_cupy(xp) -> bool:
    return getattr(xp, "__name__", "") == "cupy"


@functools.cache
def adam_kernel():
    """m <- b1 m + g; v <- b2 v + g^2; p <- p - step m / (sqrt(v) + eps), with the optimiser's
    pre-scaled gradient g (see :class:`mlpstudio.core.optimizers.Adam`)."""
    import cupy

    return cupy.ElementwiseKernel(
        "T g, T b1, T b2, T eps, T step",
        "T p, T m, T v",
        """
        T m_new = b1 * m + g;
        T v_new = b2 * v + g * g;
        m = m_new;
        v = v_new;
        p = p - step * m_new / (sqrt(v_new) + eps);
        """,
        "mlpstudio_adam",
    )


@functools.cache
def momentum_kernel():
    """u <- c u + g; p <- p - u (u is the velocity in parameter units)."""
    import cupy

    return cupy.ElementwiseKernel(
        "T g, T c",
        "T p, T u",
        """
        T u_new = c * u + g;
        u = u_new;
        p = p - u_new;
        """,
        "mlpstudio_momentum",
    )


@functools.cache
def relu_backward_kernel():
    """delta <- delta where a > 0, else 0."""
    import cupy

    return cupy.ElementwiseKernel("T a", "T delta", "delta = a > (T)0 ? delta : (T)0",
                                  "mlpstudio_relu_backward")  # fmt: skip
