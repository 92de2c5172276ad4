/** The {@code tribuo} backend: logistic regression, SVM, XGBoost, random forest and k-NN on Tribuo. */
package dev.digits.backend.tribuo;
