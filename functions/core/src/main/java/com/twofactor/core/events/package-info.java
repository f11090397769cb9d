/**
 * Security events (docs/events.md): what changed between two stored images of a user's state or an
 * org, as pure code, so the stream consumer on AWS and the dev server's change feed publish the
 * same events.
 */
package com.twofactor.core.events;
