package com.twofactor.devserver.cognito;

import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The local user pool, in memory for the life of the process. A user gets a random UUID {@code sub}
 * and is confirmed at once; the password must pass template.yaml's policy (12 characters, upper and
 * lower case, a digit) and is kept only as an SRP verifier. Names are case-insensitive.
 * Thread-safe: one concurrent map, a name is taken atomically.
 */
@Singleton
public final class LocalUsers {
  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern USERNAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
  private static final Pattern ATTRIBUTE_NAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,32}");

  private final ConcurrentMap<String, LocalUser> users = new ConcurrentHashMap<>();
  private final LocalCognitoConfiguration configuration;
  private final SecureRandom random;

  public LocalUsers(LocalCognitoConfiguration configuration, SecureRandom random) {
    this.configuration = configuration;
    this.random = random;
  }

  /** Creates a confirmed user; {@code UsernameExistsException} if the name is taken. */
  public LocalUser create(String username, String password, Map<String, String> given) {
    String name = normalize(username);
    checkPassword(password);
    Map<String, String> attributes = new LinkedHashMap<>();
    given.forEach(
        (key, value) -> {
          if (key == null || !ATTRIBUTE_NAME.matcher(key).matches() || value == null) {
            throw CognitoException.invalidParameter("Invalid user attribute.");
          }
          if (!key.equals("sub")) {
            attributes.put(key, value);
          }
        });
    if (name.contains("@")) {
      // template.yaml's pool signs in by e-mail: the name is the address.
      attributes.putIfAbsent("email", name);
    }
    attributes.put("sub", UUID.randomUUID().toString());
    byte[] saltBytes = new byte[16];
    random.nextBytes(saltBytes);
    BigInteger salt = new BigInteger(1, saltBytes);
    BigInteger verifier = CognitoSrp.verifier(configuration.poolName(), name, password, salt);
    LocalUser user = new LocalUser(name, attributes, salt, verifier);
    if (users.putIfAbsent(name, user) != null) {
      throw new CognitoException("UsernameExistsException", "User already exists");
    }
    return user;
  }

  public Optional<LocalUser> find(String username) {
    return Optional.ofNullable(users.get(username.toLowerCase(Locale.ROOT)));
  }

  /** The stored form of a user name: lower case; {@code InvalidParameterException} if invalid. */
  static String normalize(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value at 'username' failed to satisfy constraint.");
    }
    return username.toLowerCase(Locale.ROOT);
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() > 256) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value at 'password' failed to satisfy constraint.");
    }
    String refusal = null;
    if (password.length() < MIN_PASSWORD_LENGTH) {
      refusal = "Password not long enough";
    } else if (password.chars().noneMatch(Character::isUpperCase)) {
      refusal = "Password must have uppercase characters";
    } else if (password.chars().noneMatch(Character::isLowerCase)) {
      refusal = "Password must have lowercase characters";
    } else if (password.chars().noneMatch(Character::isDigit)) {
      refusal = "Password must have numeric characters";
    }
    if (refusal != null) {
      throw new CognitoException(
          "InvalidPasswordException", "Password did not conform with policy: " + refusal);
    }
  }
}
