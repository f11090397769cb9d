package com.twofactor.core.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Draws a QR code as an SVG data URI from ZXing's module matrix: one path of unit squares, no AWT,
 * so it works on Lambda without a graphics stack.
 *
 * <p>Stateless and thread-safe.
 */
public final class QrCodeSvg {
  private static final int QUIET_ZONE_MODULES = 4;

  private QrCodeSvg() {}

  public static String dataUri(String content) {
    String svg = svg(content);
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  /** Encodes {@code content} at error-correction level M and returns the SVG document. */
  public static String svg(String content) {
    BitMatrix matrix = matrix(content);
    int size = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M')
              .append(x + QUIET_ZONE_MODULES)
              .append(' ')
              .append(y + QUIET_ZONE_MODULES)
              .append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + ' '
        + size
        + "\" shape-rendering=\"crispEdges\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** The bare module matrix, without quiet zone (exposed so tests can read the code back). */
  public static BitMatrix matrix(String content) {
    try {
      return new QRCodeWriter()
          .encode(
              content,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  0,
                  EncodeHintType.CHARACTER_SET,
                  StandardCharsets.UTF_8.name()));
    } catch (WriterException e) {
      throw new IllegalArgumentException("content does not fit in a QR code", e);
    }
  }
}
