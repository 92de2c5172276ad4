/** The {@code mfcc-tarsos} extractor and {@code pitch} augmentation on TarsosDSP (GPL-3.0, kept in this module). */
package dev.digits.features.tarsos;
