/** A third-party-style plugin: an extractor, a backend and an augmentation, as an outside developer would write them. */
package org.example.digits;
