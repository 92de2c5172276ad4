/** PNG charts for reports: bars, confusion matrices and learning curves. */
package dev.digits.app.plots;
