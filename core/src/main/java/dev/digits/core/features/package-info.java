/** Extracting features of a whole corpus in parallel, through a content-keyed feature cache. */
package dev.digits.core.features;
