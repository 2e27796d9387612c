/**
 * Image datasets for GAN training: the embedded Fashion-MNIST subset, IDX and image-folder loaders,
 * the full Fashion-MNIST, normalisation to [-1, 1] and summaries.
 */
package org.gan4j.data;
