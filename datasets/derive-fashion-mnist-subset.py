#!/usr/bin/python3
"""Derive the class-balanced Fashion-MNIST subset committed under datasets/fashion-mnist-subset/.

Selection (deterministic): for each class 0..9, the first PER_CLASS images of that class in file order
(1000 per class from the training file, 200 per class from the test file). The selected images keep their
original relative order (file order), so the subset interleaves classes exactly as the source does.

Output: four IDX files, gzip-compressed (level 9, mtime=0, no file name in the header), so that running
this script again on the same source files gives byte-identical output (with the same zlib; the SHA-256 of
the decompressed content, also printed, does not depend on zlib at all).

Uses only the Python standard library. Usage (from the repository root):

    /usr/bin/python3 datasets/derive-fashion-mnist-subset.py \
        --source /usr/share/datasets/fashion-mnist --out datasets/fashion-mnist-subset
"""
import argparse
import gzip
import hashlib
import os
import struct
import sys
import tempfile

SPLITS = {  # split prefix -> images per class
    "train": 1000,
    "t10k": 200,
}
NUM_CLASSES = 10


def read_idx(path, expected_magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        sys.exit(f"{path}: magic {magic:#010x}, expected {expected_magic:#010x}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def write_gzip_atomically(path, payload):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".gz")
    try:
        with os.fdopen(fd, "wb") as raw:
            # filename="" and mtime=0 keep the gzip header free of anything that varies between runs.
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
                gz.write(payload)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def derive(source, out, prefix, per_class):
    img_path = os.path.join(source, f"{prefix}-images-idx3-ubyte.gz")
    lbl_path = os.path.join(source, f"{prefix}-labels-idx1-ubyte.gz")
    (n_img, rows, cols), pixels = read_idx(img_path, 0x00000803)
    (n_lbl,), labels = read_idx(lbl_path, 0x00000801)
    if n_img != n_lbl or len(labels) != n_lbl or len(pixels) != n_img * rows * cols:
        sys.exit(f"{prefix}: inconsistent source files ({n_img} images, {n_lbl} labels)")

    taken = [0] * NUM_CLASSES
    chosen = []
    for i, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(i)
    if any(t != per_class for t in taken):
        sys.exit(f"{prefix}: not enough images per class: {taken}")

    size = rows * cols
    out_pixels = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    out_labels = bytes(labels[i] for i in chosen)
    n = len(chosen)
    write_gzip_atomically(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"),
                          struct.pack(">IIII", 0x00000803, n, rows, cols) + out_pixels)
    write_gzip_atomically(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"),
                          struct.pack(">II", 0x00000801, n) + out_labels)
    return [img_path, lbl_path]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default="/usr/share/datasets/fashion-mnist",
                        help="directory with the four Fashion-MNIST IDX gzip files")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "fashion-mnist-subset"),
                        help="output directory")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sources = []
    for prefix, per_class in SPLITS.items():
        sources += derive(args.source, args.out, prefix, per_class)
    print("source files (SHA-256):")
    for p in sorted(sources):
        print(f"  {sha256(p)}  {os.path.basename(p)}")
    print("derived files (SHA-256):")
    for prefix in SPLITS:
        for kind in ("images-idx3", "labels-idx1"):
            p = os.path.join(args.out, f"{prefix}-{kind}-ubyte.gz")
            print(f"  {sha256(p)}  {os.path.basename(p)}  ({os.path.getsize(p)} bytes)")
    print("derived files, decompressed (SHA-256):")
    for prefix in SPLITS:
        for kind in ("images-idx3", "labels-idx1"):
            p = os.path.join(args.out, f"{prefix}-{kind}-ubyte.gz")
            with gzip.open(p, "rb") as f:
                print(f"  {hashlib.sha256(f.read()).hexdigest()}  {os.path.basename(p)[:-3]}")


if __name__ == "__main__":
    main()
