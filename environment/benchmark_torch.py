"""The reference DCGAN of docs/figures.md ("The reference DCGAN") in PyTorch: the yardstick for gan4j's training speed.

Same network, batch, optimiser and step as gan4j's benchmark: G z100 -> Dense 6272 + BN + ReLU -> 7x7x128
-> deconv 5x5 s2 -> 14x14x64 + BN + ReLU -> deconv 5x5 s2 -> 28x28x1 tanh; D conv64 5x5 s2 LReLU(0.2) ->
conv128 5x5 s2 + BN + LReLU(0.2) -> dense 1 (logit). One step = one D update on B real and B fake images
as two separate batches, then one G update through D on a fresh batch of B latents (non-saturating loss,
Adam 2e-4, beta1 0.5). As in gan4j's trainer (TrainingLoop.trainStep), G runs forward twice per step: once, without
a graph, for D's fake batch, and once, with one, for its own update. Real images are random values in [-1, 1]:
speed does not depend on pixel values.

With --model style the generator is gan4j's GanConfig.styleGan(28, 1) generator (org.gan4j.style.StyleNetwork):
z64 -> pixel norm -> 4 x (dense 64 + LReLU(0.2)) -> w; a learned constant 64x7x7; six style layers (7, 7, 14, 14, 28,
28; 64, 64, 64, 64, 32, 32 maps), each [nearest 2x up-sampling on the first of a resolution] -> 3x3 conv (not on the
first layer) -> noise with per-channel strength -> bias -> LReLU(0.2) -> AdaIN(w); 1x1 conv + tanh. Style mixing with
probability 0.9 per sample (a second latent from a random crossover layer on), fresh noise maps per image; the mapping
network at a hundredth of the learning rate; the same D and step.

Prints one line: "pytorch: <median images/s> img/s (<min>-<max>) over N steps, batch B, T threads"
("pytorch style: ..." with --model style).

With --memory it trains --steps steps (e.g. 2000, as gan4j's memory run) and prints the resident memory (VmRSS)
of each window of --window steps, read after every step, then one line "pytorch memory: peak RSS <MiB> MiB ...".
"""
import argparse
import statistics
import time

import torch
from torch import nn


def generator(z=100):
    return nn.Sequential(
        nn.Linear(z, 7 * 7 * 128, bias=False), nn.BatchNorm1d(7 * 7 * 128), nn.ReLU(),
        nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 5, stride=2, padding=2, output_padding=1, bias=False),
        nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 5, stride=2, padding=2, output_padding=1), nn.Tanh())


class AdaIN(nn.Module):
    """y_s * (x - mean) / sqrt(var + 1e-8) + y_b per sample and channel, (y_s, y_b) = A w + c (scale bias 1)."""

    def __init__(self, w_dim, channels):
        super().__init__()
        self.channels = channels
        self.affine = nn.Linear(w_dim, 2 * channels)
        with torch.no_grad():
            self.affine.bias[:channels].fill_(1.0)
            self.affine.bias[channels:].zero_()

    def forward(self, x, w):
        style = self.affine(w)
        scale = style[:, :self.channels, None, None]
        shift = style[:, self.channels:, None, None]
        mean = x.mean(dim=(2, 3), keepdim=True)
        var = x.var(dim=(2, 3), unbiased=False, keepdim=True)
        return scale * (x - mean) * torch.rsqrt(var + 1e-8) + shift


class StyleGenerator(nn.Module):
    def __init__(self, z=64, w=64, mapping=4, base=32, mixing=0.9):
        super().__init__()
        self.z, self.w, self.mixing = z, w, mixing
        layers = []
        for i in range(mapping):
            layers += [nn.Linear(z if i == 0 else w, w), nn.LeakyReLU(0.2)]
        self.mapping = nn.Sequential(*layers)
        self.widths = [2 * base] * 4 + [base] * 2
        self.sizes = [7, 7, 14, 14, 28, 28]
        self.const = nn.Parameter(torch.randn(self.widths[0], 7, 7))
        self.convs = nn.ModuleList([nn.Conv2d(self.widths[l - 1], self.widths[l], 3, padding=1, bias=False)
                                    for l in range(1, 6)])
        self.noise = nn.ParameterList([nn.Parameter(torch.zeros(c)) for c in self.widths])
        self.bias = nn.ParameterList([nn.Parameter(torch.zeros(c)) for c in self.widths])
        self.styles = nn.ModuleList([AdaIN(w, c) for c in self.widths])
        self.rgb = nn.Conv2d(base, 1, 1)

    def map(self, z):
        return self.mapping(z * torch.rsqrt(z.pow(2).mean(dim=1, keepdim=True) + 1e-8))

    def forward(self, z):
        n = z.shape[0]
        layers = len(self.widths)
        w = self.map(z)
        w2 = self.map(torch.randn(n, self.z))
        crossover = torch.where(torch.rand(n) < self.mixing, torch.randint(1, layers, (n,)),
                                torch.full((n,), layers))
        x = self.const.expand(n, -1, -1, -1)
        for l in range(layers):
            if l > 0:
                if l % 2 == 0:
                    x = nn.functional.interpolate(x, scale_factor=2, mode="nearest")
                x = self.convs[l - 1](x)
            s = self.sizes[l]
            x = x + self.noise[l][None, :, None, None] * torch.randn(n, 1, s, s)
            x = nn.functional.leaky_relu(x + self.bias[l][None, :, None, None], 0.2)
            w_l = torch.where((l < crossover)[:, None], w, w2)
            x = self.styles[l](x, w_l)
        return torch.tanh(self.rgb(x))


def discriminator():
    return nn.Sequential(
        nn.Conv2d(1, 64, 5, stride=2, padding=2), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 5, stride=2, padding=2, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", choices=["dcgan", "style"], default="dcgan")
    parser.add_argument("--memory", action="store_true", help="report resident memory instead of speed")
    parser.add_argument("--window", type=int, default=500, help="steps per memory window")
    args = parser.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    style = args.model == "style"
    g, d = (StyleGenerator() if style else generator()), discriminator()
    latent = 64 if style else 100
    if style:  # the mapping network at a hundredth of the learning rate, as gan4j's StyleNetwork
        mapping = list(g.mapping.parameters())
        rest = [p for p in g.parameters() if all(p is not m for m in mapping)]
        opt_g = torch.optim.Adam([{"params": mapping, "lr": 2e-6}, {"params": rest}], lr=2e-4, betas=(0.5, 0.999))
    else:
        opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    b = args.batch
    ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)

    def step():
        real = torch.rand(b, 1, 28, 28) * 2 - 1
        with torch.no_grad():  # gan4j: g.output(z, train=true), no backward through G for D's update
            fake = g(torch.randn(b, latent))
        # (1) update D: maximise log D(x) + log(1 - D(G(z))), real and fake as separate batches
        opt_d.zero_grad()
        loss_d = bce(d(real), ones) + bce(d(fake), zeros)
        loss_d.backward()
        opt_d.step()
        # (2) update G on fresh latents: maximise log D(G(z))
        opt_g.zero_grad()
        loss_g = bce(d(g(torch.randn(b, latent))), ones)
        loss_g.backward()
        opt_g.step()

    if args.memory:
        report_memory(step, args.steps, args.window)
        return
    for _ in range(args.warmup):
        step()
    rates = []
    for _ in range(args.steps):
        started = time.perf_counter()
        step()
        rates.append(b / (time.perf_counter() - started))
    name = "pytorch style" if style else "pytorch"
    print(f"{name}: {statistics.median(rates):.1f} img/s ({min(rates):.1f}-{max(rates):.1f}) over {args.steps} steps, "
          f"batch {b}, {torch.get_num_threads()} threads, torch {torch.__version__}", flush=True)


def rss_mib(field="VmRSS:"):
    """VmRSS (or another size field, e.g. the high-water mark VmHWM) of this process in MiB (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def report_memory(step, steps, window):
    """Runs the steps, reading RSS after each; prints each window's min/mean/peak and a summary line."""
    print(f"pytorch memory run: {steps} steps; start RSS {rss_mib():.0f} MiB", flush=True)
    windows, readings = [], []
    for i in range(1, steps + 1):
        step()
        readings.append(rss_mib())
        if i % window == 0 or i == steps:
            first = i - len(readings) + 1
            windows.append((first, i, min(readings), statistics.mean(readings), max(readings)))
            print(f"pytorch window steps {first}-{i}: RSS min {min(readings):.0f} MiB, mean "
                  f"{statistics.mean(readings):.0f} MiB, peak {max(readings):.0f} MiB ({len(readings)} readings)",
                  flush=True)
            readings = []
    peak = max(w[4] for w in windows)
    print(f"pytorch memory: peak RSS {peak:.0f} MiB over {steps} steps (high-water mark {rss_mib('VmHWM:'):.0f} MiB); "
          f"first window peak {windows[0][4]:.0f} MiB, "
          f"last window peak {windows[-1][4]:.0f} MiB (ratio {windows[-1][4] / windows[0][4]:.3f})", flush=True)


if __name__ == "__main__":
    main()
