/**
 * {@code digits serve}: a recognition service over HTTP (one recording per request or several per multipart
 * upload), a WebSocket for live streams, a page to try it in a browser, health and Prometheus metrics.
 */
package dev.digits.serve;
