/** JMH benchmarks of feature extraction. */
package dev.digits.benchmarks;
