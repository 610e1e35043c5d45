"""The PyTorch peer: the identical network (LSTM 128 full sequence -> Dropout 0.2 -> LSTM 64 last
step -> Dropout 0.2 -> Linear 25 -> Linear 1, Adam 1e-3, MSE, batch 32, shuffled) on the same series,
float32, CPU. Usage: torch_lstm.py SERIES EPOCHS THREADS. Prints the median seconds per epoch
(first epoch excluded as warm-up), wall and whole-process CPU, and the BLAS that torch loaded as
threadpoolctl reports it (library file, threading layer, thread count, the kernel's core name)."""
import os, statistics, sys, time
import torch
from torch import nn
from threadpoolctl import threadpool_info

series_path, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(1)
v = torch.tensor([float(l) for l in open(series_path)], dtype=torch.float32)
W = 60
n = len(v) - W
x = torch.stack([v[i:i + W] for i in range(n)]).unsqueeze(-1)  # (n, 60, 1)
y = v[W:W + n].unsqueeze(-1)


class Course(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.LSTM(1, 128, batch_first=True)
        self.d1 = nn.Dropout(0.2)
        self.l2 = nn.LSTM(128, 64, batch_first=True)
        self.d2 = nn.Dropout(0.2)
        self.f1 = nn.Linear(64, 25)
        self.f2 = nn.Linear(25, 1)

    def forward(self, x):
        h, _ = self.l1(x)
        h, _ = self.l2(self.d1(h))
        return self.f2(self.f1(self.d2(h[:, -1, :])))


model = Course()
opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
loss_fn = nn.MSELoss()


def blas():
    # threadpoolctl reads each loaded BLAS/OpenMP library's own configuration (openblas_get_corename etc.)
    libs = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    return "; ".join(f"{i.get('internal_api')} {i.get('version')} core={i.get('architecture')} "
                     f"threading={i.get('threading_layer')} threads={i.get('num_threads')} file={i.get('filepath')}"
                     for i in libs) or "none found"


model.eval()
with torch.no_grad():
    model(x[:2])  # loads the BLAS, so threadpoolctl sees it (eval: no dropout draw, same random stream)
model.train()
print(f"blas {blas()}")
times, cpu = [], []
for e in range(epochs):
    t = time.perf_counter()
    c = time.process_time()  # CPU time of the whole process, all threads
    perm = torch.randperm(n)
    for i in range(0, n, 32):
        idx = perm[i:i + 32]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
    print(f"epoch {e + 1}: {times[-1]:.3f} s, {cpu[-1]:.3f} s CPU, loss {loss.item():.6f}", file=sys.stderr)


def steady(v):
    # the epochs after the first WARMUP_EPOCHS (default 1), as LstmBench.steadyMedian counts them
    warm = int(os.environ.get("WARMUP_EPOCHS", "").strip() or 1)
    return statistics.median(v[warm:] if len(v) > warm + 1 else v[1:] if len(v) > 2 else v)


print(f"median_seconds_per_epoch {steady(times):.3f}")
print(f"median_cpu_seconds_per_epoch {steady(cpu):.3f}")
print(f"torch {torch.__version__} intra-op threads {torch.get_num_threads()} inter-op threads {torch.get_num_interop_threads()}")
