#!/usr/bin/env bash
# The GPU checks, as one script for a lent NVIDIA machine (see the README's GPU section):
# the backend-parametrised tests on cupy and the CUDA graph replay tests (graph vs plain path),
# then the engine benchmark on the GPU: graph replay, plain launches, PyTorch CUDA eager and
# numpy timed in the same run, with issue 14's targets. Writes its logs to $OUT (or ./gpu-out).
# Worst case 240 + 2 x 150 s: one command within the device tool's 600 s limit.
set -o pipefail
OUT=${OUT:-gpu-out}
mkdir -p "$OUT"
if ls .whl/*.whl >/dev/null 2>&1; then  # small pure-Python dependencies the image lacks
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
        --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
nvidia-smi -L | tee "$OUT/gpu.txt"
python3 -c "import cupy, numpy; print('cupy', cupy.__version__, 'numpy', numpy.__version__)" \
    | tee -a "$OUT/gpu.txt"
python3 -c "from mlpstudio.core.backend import gpu_status; print(gpu_status())" | tee -a "$OUT/gpu.txt"
python3 -c "from mlpstudio.core.cuda_graph import device_line; print(device_line())" \
    | tee -a "$OUT/gpu.txt"
timeout 240 python3 -m pytest -q -p no:cacheprovider -rs tests/test_registries.py tests/test_gradients.py \
    tests/test_optimizers.py tests/test_network.py tests/test_training.py \
    tests/test_compare.py tests/test_archive.py tests/test_gpu_graph.py 2>&1 \
    | tee "$OUT/pytest.log" | tail -25
for sizes in 784,256,128,10 3072,1024,1024,100; do
    timeout 150 python3 benchmarks/engine.py --backend cupy --repeats 3 --sizes "$sizes" --json \
        2>&1 | tee "$OUT/engine_${sizes//,/-}.txt"
done
