package com.twofactor.devserver;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says loudly, once the port is open, what this server is and is not. */
@Singleton
final class DevBanner implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(DevBanner.class);

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    String url = event.getSource().getURL().toString();
    LOG.warn(
        """

        ************************************************************************
        *  TWO-FACTOR DEV SERVER - FOR DEVELOPMENT ONLY, NEVER FOR REAL USERS  *
        ************************************************************************
          Listening on {}
          Pages:     {}/ (User Settings; Organization Settings at /org.html)
          Browsers:  pages on other origins need TWO_FACTOR_ALLOWED_ORIGINS (comma-separated)
          Identity:  an ID token of the local Cognito at POST /cognito (pool local_devserver,
                     client dev-server-client), or the X-Dev-User header (anyone can set it);
                     /internal/* is open
          State:     in memory, lost when this process stops
          Secrets:   sealed as on AWS, under branch keys kept in memory (no KMS)
          SMS:       not sent; printed here and listed at GET /dev/sms-outbox
          Triggers:  POST /dev/invoke/{FunctionLogicalId} runs a Cognito trigger of template.yaml
          Try:       curl -H 'X-Dev-User: alice' {}/two-factor
        """,
        url,
        url,
        url);
  }
}
