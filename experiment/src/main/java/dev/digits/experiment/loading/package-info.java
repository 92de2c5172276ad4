/** Reading experiment files: YAML to typed, validated records, with every problem reported at once by line. */
package dev.digits.experiment.loading;
