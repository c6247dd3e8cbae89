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


_SOFTMAX_SOURCE = r"""
__device__ inline float exp_(float x) { return expf(x); }
__device__ inline double exp_(double x) { return exp(x); }
__device__ inline float log_(float x) { return logf(x); }
__device__ inline double log_(double x) { return log(x); }

template <typename T>
__global__ void softmax_xent(T* z, const long long* y, T scale, T* loss, int rows, int cols) {
    int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r >= rows) return;
    T* zr = z + (long long)r * cols;
    T top = zr[0];
    for (int j = 1; j < cols; ++j) top = zr[j] > top ? zr[j] : top;
    long long target = y[r];
    T picked = zr[target] - top;
    T total = 0;
    for (int j = 0; j < cols; ++j) {
        T e = exp_(zr[j] - top);
        zr[j] = e;
        total += e;
    }
    loss[r] = log_(total) - picked;
    T factor = scale / total;
    for (int j = 0; j < cols; ++j) zr[j] *= factor;
    zr[target] -= scale;
}
"""


@functools.cache
def _softmax_module():
    import cupy

    return cupy.RawModule(
        code=_SOFTMAX_SOURCE,
        options=("-std=c++14",),
        name_expressions=["softmax_xent<float>", "softmax_xent<double>"],
    )


def softmax_cross_entropy(xp, z, y, scale: float):
    """Row-wise softmax cross-entropy on the GPU, one thread per row: returns the mean loss and
    ``scale * (softmax(z) - onehot(y))``, written over ``z`` (what the numpy code computes)."""
    rows, cols = z.shape
    z = xp.ascontiguousarray(z)  # a copy only if z was not contiguous
    kind = "float" if z.dtype == xp.float32 else "double"
    kernel = _softmax_module().get_function(f"softmax_xent<{kind}>")
    losses = xp.empty(rows, dtype=z.dtype)
    threads = 128
    kernel(
        ((rows + threads - 1) // threads,),
        (threads,),
        (z, xp.ascontiguousarray(y, dtype=xp.int64), z.dtype.type(scale), losses,
         xp.int32(rows), xp.int32(cols)),
    )  # fmt: skip
    return losses.mean(), z


@functools.cache
def convert_kernel():
    """Stored rows (uint8 pixels) to the compute type in one pass: (x - shift) * scale."""
    import cupy

    return cupy.ElementwiseKernel("U x, T shift, T scale", "T y", "y = ((T)x - shift) * scale",
                                  "mlpstudio_convert")  # fmt: skip


@functools.cache
def relu_backward_kernel():
    """delta <- delta where a > 0, else 0."""
    import cupy

    return cupy.ElementwiseKernel("T a", "T delta", "delta = a > (T)0 ? delta : (T)0",
                                  "mlpstudio_relu_backward")  # fmt: skip
