/** Plugin discovery with ServiceLoader: the registry, a plugin's status, and what every plugin says about itself. */
package dev.digits.api.plugin;
