"""The reference DCGAN of docs/figures.md ("The reference DCGAN") in PyTorch: the yardstick for gan4j's training speed.

Same network, batch, optimiser and step as gan4j's benchmark: G z100 -> Dense 6272 + BN + ReLU -> 7x7x128
-> deconv 5x5 s2 -> 14x14x64 + BN + ReLU -> deconv 5x5 s2 -> 28x28x1 tanh; D conv64 5x5 s2 LReLU(0.2) ->
conv128 5x5 s2 + BN + LReLU(0.2) -> dense 1 (logit). One step = one D update on B real and B fake images
as two separate batches, then one G update through D on a fresh batch of B latents (non-saturating loss,
Adam 2e-4, beta1 0.5). As in gan4j's trainer (TrainingLoop.trainStep), G runs forward twice per step: once, without
a graph, for D's fake batch, and once, with one, for its own update. Real images are random values in [-1, 1]:
speed does not depend on pixel values.

Prints one line: "pytorch: <median images/s> img/s (<min>-<max>) over N steps, batch B, T threads".
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
    args = parser.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    g, d = generator(), discriminator()
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    b = args.batch
    ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)

    def step():
        real = torch.rand(b, 1, 28, 28) * 2 - 1
        with torch.no_grad():  # gan4j: g.output(z, train=true), no backward through G for D's update
            fake = g(torch.randn(b, 100))
        # (1) update D: maximise log D(x) + log(1 - D(G(z))), real and fake as separate batches
        opt_d.zero_grad()
        loss_d = bce(d(real), ones) + bce(d(fake), zeros)
        loss_d.backward()
        opt_d.step()
        # (2) update G on fresh latents: maximise log D(G(z))
        opt_g.zero_grad()
        loss_g = bce(d(g(torch.randn(b, 100))), ones)
        loss_g.backward()
        opt_g.step()

    for _ in range(args.warmup):
        step()
    rates = []
    for _ in range(args.steps):
        started = time.perf_counter()
        step()
        rates.append(b / (time.perf_counter() - started))
    print(f"pytorch: {statistics.median(rates):.1f} img/s ({min(rates):.1f}-{max(rates):.1f}) over {args.steps} steps, "
          f"batch {b}, {torch.get_num_threads()} threads, torch {torch.__version__}", flush=True)


if __name__ == "__main__":
    main()
