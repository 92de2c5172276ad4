/** Model bundles: one file with everything needed to recognise digits with a trained model. */
package dev.digits.app.bundle;
