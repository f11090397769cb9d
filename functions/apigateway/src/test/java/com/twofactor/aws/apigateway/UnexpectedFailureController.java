package com.twofactor.aws.apigateway;

import com.twofactor.api.http.Caller;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * A route that fails the way no domain code should: with an {@link Error} the framework does not
 * turn into an answer. Only in contexts that ask for it, so it never joins a function's routes.
 */
@Controller("/test/unexpected")
@Requires(property = "test.unexpected-failure", value = "true")
class UnexpectedFailureController {

  @Get
  String fail(Caller caller) {
    throw new LinkageError("secret 123456 for +12015550123 at com.example.Internal");
  }
}
