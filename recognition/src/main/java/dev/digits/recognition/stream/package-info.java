/** Recognising digit strings in continuous audio: PCM reading, voice-activity detection and the recogniser. */
package dev.digits.recognition.stream;
