/** Audio as plugins receive it: a mono clip of float samples at a sample rate. */
package dev.digits.api.audio;
