package com.twofactor.aws.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URL;
import java.security.Permission;
import java.util.List;
import java.util.Map;

/**
 * A JDK connection whose request body is always sent buffered: the two fixed-length streaming calls
 * are ignored (see {@link BufferedBodyConnections} for why), and the JDK then sends the body with
 * its {@code Content-Length}. Everything else goes to the wrapped connection unchanged.
 *
 * <p>Not thread-safe, like any {@link HttpURLConnection}: one exchange on one thread.
 */
final class BufferedBodyConnection extends HttpURLConnection {
  private final HttpURLConnection delegate;

  BufferedBodyConnection(HttpURLConnection delegate) {
    super(delegate.getURL());
    this.delegate = delegate;
  }

  /** Ignored: the body is buffered, so a kept-alive connection is reused without a probe. */
  @Override
  public void setFixedLengthStreamingMode(int contentLength) {
    // Buffered instead; the JDK sets Content-Length from the buffered body.
  }

  /** Ignored: the body is buffered, so a kept-alive connection is reused without a probe. */
  @Override
  public void setFixedLengthStreamingMode(long contentLength) {
    // Buffered instead; the JDK sets Content-Length from the buffered body.
  }

  @Override
  public void connect() throws IOException {
    delegate.connect();
  }

  @Override
  public void disconnect() {
    delegate.disconnect();
  }

  @Override
  public boolean usingProxy() {
    return delegate.usingProxy();
  }

  @Override
  public void setChunkedStreamingMode(int chunkLength) {
    delegate.setChunkedStreamingMode(chunkLength);
  }

  @Override
  public void setInstanceFollowRedirects(boolean followRedirects) {
    delegate.setInstanceFollowRedirects(followRedirects);
  }

  @Override
  public boolean getInstanceFollowRedirects() {
    return delegate.getInstanceFollowRedirects();
  }

  @Override
  public void setRequestMethod(String method) throws ProtocolException {
    delegate.setRequestMethod(method);
  }

  @Override
  public String getRequestMethod() {
    return delegate.getRequestMethod();
  }

  @Override
  public int getResponseCode() throws IOException {
    return delegate.getResponseCode();
  }

  @Override
  public String getResponseMessage() throws IOException {
    return delegate.getResponseMessage();
  }

  @Override
  public InputStream getErrorStream() {
    return delegate.getErrorStream();
  }

  @Override
  public void setAuthenticator(Authenticator auth) {
    delegate.setAuthenticator(auth);
  }

  @Override
  public Permission getPermission() throws IOException {
    return delegate.getPermission();
  }

  @Override
  public void setConnectTimeout(int timeout) {
    delegate.setConnectTimeout(timeout);
  }

  @Override
  public int getConnectTimeout() {
    return delegate.getConnectTimeout();
  }

  @Override
  public void setReadTimeout(int timeout) {
    delegate.setReadTimeout(timeout);
  }

  @Override
  public int getReadTimeout() {
    return delegate.getReadTimeout();
  }

  @Override
  public URL getURL() {
    return delegate.getURL();
  }

  @Override
  public int getContentLength() {
    return delegate.getContentLength();
  }

  @Override
  public long getContentLengthLong() {
    return delegate.getContentLengthLong();
  }

  @Override
  public String getContentType() {
    return delegate.getContentType();
  }

  @Override
  public String getContentEncoding() {
    return delegate.getContentEncoding();
  }

  @Override
  public long getExpiration() {
    return delegate.getExpiration();
  }

  @Override
  public long getDate() {
    return delegate.getDate();
  }

  @Override
  public long getLastModified() {
    return delegate.getLastModified();
  }

  @Override
  public String getHeaderField(String name) {
    return delegate.getHeaderField(name);
  }

  @Override
  public Map<String, List<String>> getHeaderFields() {
    return delegate.getHeaderFields();
  }

  @Override
  public int getHeaderFieldInt(String name, int fallback) {
    return delegate.getHeaderFieldInt(name, fallback);
  }

  @Override
  public long getHeaderFieldLong(String name, long fallback) {
    return delegate.getHeaderFieldLong(name, fallback);
  }

  @Override
  public long getHeaderFieldDate(String name, long fallback) {
    return delegate.getHeaderFieldDate(name, fallback);
  }

  @Override
  public String getHeaderFieldKey(int n) {
    return delegate.getHeaderFieldKey(n);
  }

  @Override
  public String getHeaderField(int n) {
    return delegate.getHeaderField(n);
  }

  @Override
  public Object getContent() throws IOException {
    return delegate.getContent();
  }

  @Override
  public Object getContent(@SuppressWarnings("rawtypes") Class[] classes) throws IOException {
    return delegate.getContent(classes);
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return delegate.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return delegate.getOutputStream();
  }

  @Override
  public void setDoInput(boolean doInput) {
    delegate.setDoInput(doInput);
  }

  @Override
  public boolean getDoInput() {
    return delegate.getDoInput();
  }

  @Override
  public void setDoOutput(boolean doOutput) {
    delegate.setDoOutput(doOutput);
  }

  @Override
  public boolean getDoOutput() {
    return delegate.getDoOutput();
  }

  @Override
  public void setAllowUserInteraction(boolean allow) {
    delegate.setAllowUserInteraction(allow);
  }

  @Override
  public boolean getAllowUserInteraction() {
    return delegate.getAllowUserInteraction();
  }

  @Override
  public void setUseCaches(boolean useCaches) {
    delegate.setUseCaches(useCaches);
  }

  @Override
  public boolean getUseCaches() {
    return delegate.getUseCaches();
  }

  @Override
  public void setIfModifiedSince(long since) {
    delegate.setIfModifiedSince(since);
  }

  @Override
  public long getIfModifiedSince() {
    return delegate.getIfModifiedSince();
  }

  @Override
  public boolean getDefaultUseCaches() {
    return delegate.getDefaultUseCaches();
  }

  @Override
  public void setDefaultUseCaches(boolean useCaches) {
    delegate.setDefaultUseCaches(useCaches);
  }

  @Override
  public void setRequestProperty(String key, String value) {
    delegate.setRequestProperty(key, value);
  }

  @Override
  public void addRequestProperty(String key, String value) {
    delegate.addRequestProperty(key, value);
  }

  @Override
  public String getRequestProperty(String key) {
    return delegate.getRequestProperty(key);
  }

  @Override
  public Map<String, List<String>> getRequestProperties() {
    return delegate.getRequestProperties();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
