/** The conformance suite every classifier backend's tests extend, and the easy problems it trains on. */
package dev.digits.tck;
