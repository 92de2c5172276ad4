/** The contracts of feature-extractor plugins: features, the extractor and its provider. */
package dev.digits.api.features;
