/**
 * Domain wiring: builds the core services from whichever ports the deployable provides (the AWS
 * adapters on Lambda, the test kit's in-memory ports in the dev server and tests), binds their
 * typed settings ({@code two-factor.*}), and loads the defaults every function shares ({@code
 * two-factor-defaults.properties}). Depends on the domain only: neither HTTP nor AWS.
 */
package com.twofactor.wiring;
