/** The digits library: load a model bundle and recognise digits in recordings and live audio ({@link dev.digits.recognition.DigitRecognizer}). */
package dev.digits.recognition;
