/** Corpora and their layouts, split protocols, dataset location, fetching and synthetic voices. */
package dev.digits.core.dataset;
