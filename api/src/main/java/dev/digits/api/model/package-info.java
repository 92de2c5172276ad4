/** The contracts of classifier backends: model specs, training sets, learners, trained models and the input shape each model type takes. */
package dev.digits.api.model;
