/** An experiment file as typed records: datasets, extractors, models, augmentations, conditions and engine. */
package dev.digits.experiment.config;
