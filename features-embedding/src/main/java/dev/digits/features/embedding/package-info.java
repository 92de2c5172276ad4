/**
 * The {@code speech-embedding} extractor: Google's pre-trained speech_embedding model (openWakeWord's ONNX
 * conversion) as a frozen feature extractor, run with ONNX Runtime, and the pinned files it needs.
 */
package dev.digits.features.embedding;
